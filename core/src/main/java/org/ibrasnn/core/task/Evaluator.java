package org.ibrasnn.core.task;

import java.util.List;

/** Collects a model's outputs item by item and scores them against the targets. */
public interface Evaluator {

    /**
     * Decodes and keeps the outputs of item {@code index} (every graph output's CHW values, concatenated in the
     * graph's order); safe from several threads for distinct indices.
     */
    void add(int index, float[] outputs);

    /** The decoded predictions, by item index. */
    List<?> predictions();

    /** The metrics of the predictions so far against {@code targets}. */
    Metrics score(Targets targets);
}
