package org.ibrasnn.djl.train;

/**
 * The loss became NaN or infinite; training stopped. The message says where, what was kept of the run (once a
 * {@link TrainingRun} knows) and that a lower learning rate is the usual cure.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final String HINT = "try a lower learning rate";

    private final String where;

    /** {@code where}: e.g. "the loss became NaN at epoch 2, batch 1 of 6". */
    public TrainingDivergedException(String where) {
        super("training diverged: " + where + "; " + HINT);
        this.where = where;
    }

    private TrainingDivergedException(String where, String kept) {
        super("training diverged: " + where + "; " + kept + "; " + HINT);
        this.where = where;
    }

    /** The same divergence, saying what was kept of the run (e.g. "the checkpoint of epoch 1 is kept in ..."). */
    public TrainingDivergedException keeping(String kept) {
        return new TrainingDivergedException(where, kept);
    }
}
