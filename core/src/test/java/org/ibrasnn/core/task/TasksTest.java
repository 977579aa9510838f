package org.ibrasnn.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The task registry: classification built in and default, unknown names refused with the known ones. */
class TasksTest {

    @Test
    void classifyIsBuiltInAndTheDefault() {
        assertSame(Tasks.DEFAULT, Tasks.named("classify"));
        assertTrue(Tasks.names().contains("classify"));
    }

    @Test
    void unknownTaskNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tasks.named("segment"));
        assertEquals("unknown task 'segment'; known: " + String.join(", ", Tasks.names()), e.getMessage());
        assertTrue(e.getMessage().contains("classify"));
    }

    @Test
    void registersANewTaskOnceOnly() {
        Task probe = new Task() {
            public String name() {
                return "tasks-test-probe";
            }

            public String metricName() {
                return "probe";
            }

            public Optional<String> headProblem(java.util.List<Head> heads) {
                return Optional.empty();
            }

            public Evaluator evaluator(java.util.List<Head> heads, int count) {
                return Tasks.DEFAULT.evaluator(heads, count);
            }
        };
        Tasks.register(probe);
        assertSame(probe, Tasks.named("tasks-test-probe"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tasks.register(probe));
        assertEquals("task 'tasks-test-probe' is already registered", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tasks.register(Tasks.DEFAULT));
    }
}
