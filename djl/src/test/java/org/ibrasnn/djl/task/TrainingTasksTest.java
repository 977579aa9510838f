package org.ibrasnn.djl.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ibrasnn.core.task.Task;
import org.ibrasnn.djl.AnyHeadsTask;
import org.ibrasnn.core.task.Tasks;
import org.junit.jupiter.api.Test;

/** The training side is found by the core task's name; a task without one is refused with the trainable ones. */
class TrainingTasksTest {

    @Test
    void classificationTrainsTheClassifyTask() {
        TrainingTask training = TrainingTasks.of(Tasks.named("classify"));
        assertSame(ClassificationTraining.INSTANCE, training);
        assertSame(Tasks.DEFAULT, training.task());
    }

    @Test
    void aTaskWithoutATrainingSideIsRefused() {
        Task untrainable = AnyHeadsTask.named("untrainable");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingTasks.of(untrainable));
        assertEquals("task 'untrainable' cannot be trained here; trainable: "
                + String.join(", ", TrainingTasks.names()), e.getMessage());
    }
}
