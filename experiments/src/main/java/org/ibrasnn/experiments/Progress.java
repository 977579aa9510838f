package org.ibrasnn.experiments;

import org.ibrasnn.djl.train.TrainingListener;

/**
 * How a long task tells its user what it is doing: counted tasks (images run, recorded or calibrated on),
 * trainings, and one-line notes such as which model an ablation works on. Every method has a silent default.
 */
public interface Progress {

    /** Progress that shows nothing. */
    Progress NONE = new Progress() {};

    /** A task of {@code total} steps starts; the caller reports steps to the returned task and closes it. */
    default Task start(String name, long total) {
        return Task.NONE;
    }

    /** Receives the progress of the trainings a task runs. */
    default TrainingListener training() {
        return TrainingListener.NONE;
    }

    /** A line for the user. */
    default void note(String line) {}

    /** One counted task. */
    interface Task extends AutoCloseable {

        /** A task that shows nothing. */
        Task NONE = done -> { };

        /** {@code done} steps are finished. */
        void stepTo(long done);

        /** The task ended. */
        @Override
        default void close() {}
    }
}
