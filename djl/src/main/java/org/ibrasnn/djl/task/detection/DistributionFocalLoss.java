package org.ibrasnn.djl.task.detection;

import ai.djl.ndarray.NDArray;

/**
 * Distribution focal loss over {@code R} bins per box side (ultralytics 8.x's {@code DFLoss}): a side's target
 * distance t (in stride units, clipped to [0, R - 1 - 0.01]) is split between bins floor(t) and floor(t) + 1
 * with weights floor(t) + 1 - t and t - floor(t), and the loss is the cross-entropy of the side's bin logits
 * against that two-bin target, averaged over the four sides.
 */
public final class DistributionFocalLoss {

    /** The clip below R - 1 keeps the right bin floor(t) + 1 inside the R bins. */
    static final double CLIP = 0.01;

    private DistributionFocalLoss() {}

    /** Expected bin index under the softmax of {@code bins} [..., R] along the last axis: [...]. */
    public static NDArray expectation(NDArray bins) {
        long r = bins.getShape().tail();
        NDArray index = bins.getManager().arange(0, (int) r).toType(bins.getDataType(), false);
        return bins.softmax(-1).mul(index).sum(new int[] {-1});
    }

    /**
     * Writes the two-bin target of one side into {@code weights[offset .. offset + regMax)}.
     *
     * @param distance the side's target distance in stride units (clipped here)
     */
    static void target(double distance, int regMax, double[] weights, int offset) {
        double t = Math.min(Math.max(distance, 0), regMax - 1 - CLIP);
        int left = (int) t;
        weights[offset + left] = left + 1 - t;
        weights[offset + left + 1] = 1 - (left + 1 - t);
    }

    /**
     * The loss per box: cross-entropy of {@code bins} [..., 4, R] against {@code targets} [..., 4, R]
     * (rows written by {@link #target}), averaged over the four sides: [...].
     */
    public static NDArray loss(NDArray bins, NDArray targets) {
        return bins.logSoftmax(-1).mul(targets).sum(new int[] {-1}).mean(new int[] {-1}).neg();
    }
}
