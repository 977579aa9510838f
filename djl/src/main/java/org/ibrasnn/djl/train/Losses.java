package org.ibrasnn.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/** Cross-entropy with label smoothing, averaged over the batch. */
public final class Losses {

    private Losses() {}

    /**
     * {@code (1 - eps) * -log p[label] + eps * mean_k(-log p[k])} for logits {@code [batch, classes]} and
     * integer labels {@code [batch]}.
     */
    public static NDArray smoothedCrossEntropy(NDArray logits, NDArray labels, float smoothing) {
        NDArray logProbs = logits.logSoftmax(1);
        NDArray picked = logProbs.get(new NDIndex().addAllDim().addPickDim(labels.reshape(-1, 1))).reshape(-1);
        NDArray nll = picked.neg();
        if (smoothing == 0f) {
            return nll.mean();
        }
        NDArray uniform = logProbs.mean(new int[] {1}).neg();
        return nll.mul(1f - smoothing).add(uniform.mul(smoothing)).mean();
    }
}
