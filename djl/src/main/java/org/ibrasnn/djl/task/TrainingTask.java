package org.ibrasnn.djl.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.task.Task;

/**
 * How a network is trained for a {@link Task}: the targets of a batch, its loss and its per-batch training
 * metric.
 */
public interface TrainingTask {

    /** The core task this trains for (name, metric name, evaluator). */
    Task task();

    /** The name of the training metric (its running mean over an epoch is printed and recorded). */
    String metricName();

    /**
     * The targets of the items {@code indices} of {@code data}, each image moved by augmentation as
     * {@code shifts} says (same order).
     */
    List<HostArray> targets(ImageDataset data, int[] indices, List<ImageShift> shifts);

    /**
     * Gives some parameters of a freshly initialised network (by tensor name) the values this task starts them
     * from, such as a prior on output logits; called once after the seeded initialisation (a resumed run then loads
     * its checkpoint over them). None by default.
     */
    default void initialize(ModelSpec spec, Map<String, Parameter> parameters) {}

    /** The scalar loss of a batch's outputs (in graph output order) against its targets, and the metric's sum. */
    BatchLoss loss(NDList outputs, NDList targets, float labelSmoothing);

    /**
     * A batch's loss and its training metric summed over the batch's items (the running mean over an epoch is the
     * sum over the batches divided by the items seen).
     */
    record BatchLoss(NDArray loss, double metricSum) {}
}
