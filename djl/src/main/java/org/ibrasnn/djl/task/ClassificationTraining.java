package org.ibrasnn.djl.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.ibrasnn.core.data.ImageDataset;
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
    public String metricName() {
        return task().metricName();
    }

    /** The labels as one int64 vector; labels do not move with the image. */
    @Override
    public List<HostArray> targets(ImageDataset data, int[] indices, List<ImageShift> shifts) {
        long[] labels = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = data.label(indices[i]);
        }
        return List.of(HostArray.of(labels, new Shape(labels.length)));
    }

    @Override
    public BatchLoss loss(NDList outputs, NDList targets, float labelSmoothing) {
        NDArray logits = outputs.singletonOrThrow();
        NDArray labels = targets.singletonOrThrow();
        return new BatchLoss(smoothedCrossEntropy(logits, labels, labelSmoothing),
                logits.argMax(1).eq(labels).countNonzero().getLong());
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
