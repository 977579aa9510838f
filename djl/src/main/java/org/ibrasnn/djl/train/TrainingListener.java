package org.ibrasnn.djl.train;

/** Receives progress from the trainer (the CLI draws a progress bar with it). */
public interface TrainingListener {

    /** An epoch starts; {@code batches} training batches follow. */
    default void epochStarted(int epoch, int epochs, int batches) {}

    /** A training batch finished; loss and accuracy are running means over the epoch so far. */
    default void batchFinished(int batch, double loss, double accuracy, double imagesPerSecond) {}

    /** Evaluation starts after an epoch's training. */
    default void evaluating(int images) {}

    /** The epoch, its evaluation and its checkpoint are done. */
    default void epochFinished(EpochMetrics metrics) {}

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {};
}
