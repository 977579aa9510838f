package org.ibrasnn.core.task;

import java.util.List;
import java.util.Optional;

/** One kind of problem a network solves: the head it needs, and how its outputs are decoded and scored. */
public interface Task {

    /** The registry name, recorded in model files (e.g. {@code classify}). */
    String name();

    /** The name of the primary metric, as printed and as its key in JSON outputs. */
    String metricName();

    /** Why the network's outputs (in graph order) do not suit this task, or empty when they do. */
    Optional<String> headProblem(List<Head> heads);

    /** Whether items are scored against boxes ({@link Targets#boxes}) rather than class labels. */
    default boolean boxTargets() {
        return false;
    }

    /** A fresh evaluator for the outputs of {@code count} items of a network ending in {@code heads}. */
    Evaluator evaluator(List<Head> heads, int count);
}
