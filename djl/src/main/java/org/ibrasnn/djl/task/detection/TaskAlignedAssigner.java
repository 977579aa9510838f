package org.ibrasnn.djl.task.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.stream.IntStream;

/**
 * Task-aligned assignment of anchors to ground-truth boxes, with ultralytics 8.x's {@code TaskAlignedAssigner}
 * definitions (computed in float64, without gradient):
 * <ol>
 *   <li>candidates of a ground truth: the anchors whose point lies inside its box by more than 1e-9 pixels;</li>
 *   <li>alignment metric of a candidate: p^alpha · IoU^beta, p the predicted probability of the ground truth's
 *       class and IoU the CIoU of predicted and ground-truth box clamped at 0 (0 off the candidates);</li>
 *   <li>each ground truth takes the {@code topK} anchors of largest metric over all anchors (equal metrics in
 *       anchor order), keeping the candidates among them;</li>
 *   <li>an anchor taken by several ground truths goes to the one of highest IoU with its predicted box;</li>
 *   <li>target score of a foreground anchor: one-hot of its ground truth's class times
 *       metric · (max IoU of that ground truth's anchors) / (max metric of them + 1e-9).</li>
 * </ol>
 */
public record TaskAlignedAssigner(int topK, double alpha, double beta) {

    static final double INSIDE_EPS = 1e-9;
    static final double NORM_EPS = 1e-9;

    /** The v8 setting: top 10, alpha 0.5, beta 6. */
    public static final TaskAlignedAssigner V8 = new TaskAlignedAssigner(10, 0.5, 6.0);

    /**
     * The targets of a batch, flat row-major arrays.
     *
     * @param scores [B, A, C] target scores (zero off the foreground)
     * @param boxes [B, A, 4] the assigned ground-truth box x1y1x2y2 in pixels (ground truth 0's box, or zeros,
     *     on background anchors)
     * @param foreground [B, A]
     */
    public record Assignment(double[] scores, double[] boxes, boolean[] foreground) {}

    /**
     * Assigns a batch.
     *
     * @param probabilities predicted class probabilities [B, A, C]
     * @param predicted predicted boxes [B, A, 4], x1y1x2y2 pixels
     * @param anchors the anchor points
     * @param gtBoxes ground-truth boxes [B, M, 4], x1y1x2y2 pixels, padded
     * @param gtClasses their classes [B, M] in [0, C)
     * @param gtMask [B, M], non-zero for the real boxes
     */
    public Assignment assign(NDArray probabilities, NDArray predicted, Anchors anchors, NDArray gtBoxes,
            NDArray gtClasses, NDArray gtMask) {
        int b = Math.toIntExact(probabilities.getShape().get(0));
        int a = anchors.count();
        int c = Math.toIntExact(probabilities.getShape().get(2));
        int m = Math.toIntExact(gtBoxes.getShape().get(1));
        double[] p = probabilities.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] gt = gtBoxes.toType(DataType.FLOAT64, false).toDoubleArray();
        int[] cls = gtClasses.toType(DataType.INT32, false).toIntArray();
        int[] valid = gtMask.toType(DataType.INT32, false).toIntArray();
        double[] ciou = m == 0 ? new double[0] : BoxIou.ciou(gtBoxes.toType(DataType.FLOAT64, false).expandDims(2),
                predicted.stopGradient().toType(DataType.FLOAT64, false).expandDims(1)).toDoubleArray();
        double[] scores = new double[b * a * c];
        double[] boxes = new double[b * a * 4];
        boolean[] foreground = new boolean[b * a];
        for (int i = 0; i < b; i++) {
            double[] iou = new double[m * a];
            double[] metric = new double[m * a];
            boolean[] candidate = new boolean[a];
            boolean[] positive = new boolean[m * a];
            for (int g = 0; g < m; g++) {
                int row = i * m + g;
                if (valid[row] == 0) {
                    continue;
                }
                for (int k = 0; k < a; k++) {
                    candidate[k] = inside(anchors, k, gt, 4 * row);
                    if (candidate[k]) {
                        iou[g * a + k] = Math.max(ciou[row * a + k], 0);
                        metric[g * a + k] = Math.pow(p[(i * a + k) * c + cls[row]], alpha)
                                * Math.pow(iou[g * a + k], beta);
                    }
                }
                selectTop(metric, candidate, g * a, positive);
            }
            double[] maxIou = new double[m];
            double[] maxMetric = new double[m];
            int[] owner = new int[a];
            for (int k = 0; k < a; k++) {
                owner[k] = resolve(positive, iou, m, a, k);
                foreground[i * a + k] = owner[k] >= 0;
                if (owner[k] >= 0) {
                    maxIou[owner[k]] = Math.max(maxIou[owner[k]], iou[owner[k] * a + k]);
                    maxMetric[owner[k]] = Math.max(maxMetric[owner[k]], metric[owner[k] * a + k]);
                }
            }
            for (int k = 0; k < a; k++) {
                int g = Math.max(owner[k], 0);
                if (m > 0) {
                    System.arraycopy(gt, 4 * (i * m + g), boxes, 4 * (i * a + k), 4);
                }
                if (owner[k] >= 0) {
                    scores[(i * a + k) * c + cls[i * m + g]] = metric[g * a + k] * maxIou[g] / (maxMetric[g] + NORM_EPS);
                }
            }
        }
        return new Assignment(scores, boxes, foreground);
    }

    private static boolean inside(Anchors anchors, int k, double[] gt, int at) {
        double s = anchors.stride(k);
        double x = anchors.point(k, 0) * s, y = anchors.point(k, 1) * s;
        return Math.min(Math.min(x - gt[at], y - gt[at + 1]), Math.min(gt[at + 2] - x, gt[at + 3] - y)) > INSIDE_EPS;
    }

    /**
     * Marks in {@code positive[from ..]} the candidates among the {@code topK} anchors of largest
     * {@code metric[from ..]}, equal metrics in anchor order. Only candidates have a positive metric, so they come
     * first; slots left go to zero-metric anchors in anchor order, of which only candidates are kept.
     */
    private void selectTop(double[] metric, boolean[] candidate, int from, boolean[] positive) {
        int[] ranked = IntStream.range(0, candidate.length).filter(k -> metric[from + k] > 0).boxed()
                .sorted((x, y) -> Double.compare(metric[from + y], metric[from + x])).mapToInt(Integer::intValue)
                .limit(topK).toArray();
        for (int k : ranked) {
            positive[from + k] = true;
        }
        for (int k = 0, taken = ranked.length; k < candidate.length && taken < topK; k++) {
            if (metric[from + k] == 0) {
                positive[from + k] = candidate[k];
                taken++;
            }
        }
    }

    /**
     * The ground truth anchor {@code k} goes to, -1 for none: its only claimant, or among several claimants the
     * ground truth of highest IoU with the anchor (first on ties, over all ground truths, as ultralytics does).
     */
    private static int resolve(boolean[] positive, double[] iou, int m, int a, int k) {
        int claims = 0;
        int first = -1;
        for (int g = 0; g < m; g++) {
            if (positive[g * a + k]) {
                claims++;
                first = first < 0 ? g : first;
            }
        }
        if (claims <= 1) {
            return first;
        }
        int best = 0;
        for (int g = 1; g < m; g++) {
            best = iou[g * a + k] > iou[best * a + k] ? g : best;
        }
        return best;
    }
}
