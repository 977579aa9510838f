package org.ibrasnn.djl.train;

import org.ibrasnn.core.task.Metrics;

/** Receives progress from the trainer (the CLI draws a progress bar with it). */
public interface TrainingListener {

    /** An epoch starts; {@code batches} training batches follow. */
    default void epochStarted(int epoch, int epochs, int batches) {}

    /** A training batch finished; the loss and the task's training metric are running means over the epoch. */
    default void batchFinished(int batch, double loss, Metrics train, double imagesPerSecond) {}

    /** Evaluation starts after an epoch's training. */
    default void evaluating(int images) {}

    /** The epoch, its evaluation and its checkpoint are done. */
    default void epochFinished(EpochMetrics metrics) {}

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {};
}
