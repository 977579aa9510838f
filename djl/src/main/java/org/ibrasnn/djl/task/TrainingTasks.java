package org.ibrasnn.djl.task;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.djl.task.detection.DetectionTraining;

/** The open registry of training tasks by core task name; classification and detection are built in. */
public final class TrainingTasks {

    private static final Map<String, TrainingTask> BY_NAME = new ConcurrentHashMap<>(
            Map.of(ClassificationTraining.INSTANCE.task().name(), ClassificationTraining.INSTANCE,
                    DetectionTraining.INSTANCE.task().name(), DetectionTraining.INSTANCE));

    private TrainingTasks() {}

    /** Adds the training side of a task; refuses a name already taken. */
    public static void register(TrainingTask training) {
        if (BY_NAME.putIfAbsent(training.task().name(), training) != null) {
            throw new IllegalArgumentException("training for task '" + training.task().name()
                    + "' is already registered");
        }
    }

    /** The training side of {@code task}. */
    public static TrainingTask of(Task task) {
        TrainingTask training = BY_NAME.get(task.name());
        if (training == null) {
            throw new IllegalArgumentException("task '" + task.name() + "' cannot be trained here; trainable: "
                    + String.join(", ", names()));
        }
        return training;
    }

    /** The task names with a training side, sorted. */
    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }
}
