package org.ibrasnn.core.task;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open registry of tasks by name; {@link Classification} ({@code classify}, the default) and
 * {@link Detection} ({@code detect}) are built in.
 */
public final class Tasks {

    /** The task of files and specs that do not name one. */
    public static final Task DEFAULT = Classification.INSTANCE;

    private static final Map<String, Task> BY_NAME = new ConcurrentHashMap<>(Map.of(DEFAULT.name(), DEFAULT,
            Detection.NAME, Detection.INSTANCE));

    private Tasks() {}

    /** Adds a task; refuses a name already taken. */
    public static void register(Task task) {
        if (BY_NAME.putIfAbsent(task.name(), task) != null) {
            throw new IllegalArgumentException("task '" + task.name() + "' is already registered");
        }
    }

    /** The task of that name. */
    public static Task named(String name) {
        Task task = BY_NAME.get(name);
        if (task == null) {
            throw new IllegalArgumentException("unknown task '" + name + "'; known: " + String.join(", ", names()));
        }
        return task;
    }

    /** The registered names, sorted. */
    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }
}
