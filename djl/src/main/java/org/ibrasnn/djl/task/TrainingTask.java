package org.ibrasnn.djl.task;

import ai.djl.ndarray.NDArray;
import org.ibrasnn.core.task.Task;

/** How a network is trained for a {@link Task}: its loss and its per-batch training metric. */
public interface TrainingTask {

    /** The core task this trains for (name, metric name, evaluator). */
    Task task();

    /** The scalar loss of a training batch's outputs against its targets. */
    NDArray loss(NDArray outputs, NDArray targets, float labelSmoothing);

    /**
     * The training metric summed over the batch's items (its running mean over an epoch is the sum over the
     * batches divided by the items seen).
     */
    double metricSum(NDArray outputs, NDArray targets);
}
