package org.ibrasnn.djl.train;

/**
 * A training plan refused before anything was written: it would replace or mix with another run, or could not run
 * at all. {@link #setting()} says what is at fault: a {@link RunSettings} key, {@link #RUN_DIRECTORY} or
 * {@link #INTERRUPTED_RUN}.
 */
public final class PlanRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The setting named when the run directory itself is at fault. */
    public static final String RUN_DIRECTORY = "run_directory";

    /** The setting named when the run directory holds an interrupted run and the plan does not resume it. */
    public static final String INTERRUPTED_RUN = "interrupted_run";

    private final String setting;

    public PlanRefusedException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** What is at fault: a {@link RunSettings} key, {@link #RUN_DIRECTORY} or {@link #INTERRUPTED_RUN}. */
    public String setting() {
        return setting;
    }
}
