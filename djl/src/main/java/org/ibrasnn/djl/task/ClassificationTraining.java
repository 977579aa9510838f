package org.ibrasnn.djl.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.core.task.Tasks;

/** Training for classification: cross-entropy with label smoothing, and top-1 hits per batch. */
public final class ClassificationTraining implements TrainingTask {

    static final ClassificationTraining INSTANCE = new ClassificationTraining();

    private ClassificationTraining() {}

    @Override
    public Task task() {
        return Tasks.named("classify");
    }

    @Override
    public NDArray loss(NDArray outputs, NDArray targets, float labelSmoothing) {
        return smoothedCrossEntropy(outputs, targets, labelSmoothing);
    }

    @Override
    public double metricSum(NDArray outputs, NDArray targets) {
        return outputs.argMax(1).eq(targets).countNonzero().getLong();
    }

    /**
     * {@code (1 - eps) * -log p[label] + eps * mean_k(-log p[k])} for logits {@code [batch, classes]} and
     * integer labels {@code [batch]}, averaged over the batch.
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
