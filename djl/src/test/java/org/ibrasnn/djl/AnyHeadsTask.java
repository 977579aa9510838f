package org.ibrasnn.djl;

import java.util.List;
import java.util.Optional;
import org.ibrasnn.core.task.Evaluator;
import org.ibrasnn.core.task.Head;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.core.task.Tasks;

/** A test task that takes any outputs (for graphs that are not classifiers) and scores as the default task. */
public final class AnyHeadsTask {

    private AnyHeadsTask() {}

    /** Such a task under {@code name}; it has no training side. */
    public static Task named(String name) {
        return new Task() {
            @Override public String name() { return name; }
            @Override public String metricName() { return "none"; }
            @Override public Optional<String> headProblem(List<Head> heads) { return Optional.empty(); }
            @Override public Evaluator evaluator(List<Head> heads, int count) {
                return Tasks.DEFAULT.evaluator(heads, count);
            }
        };
    }
}
