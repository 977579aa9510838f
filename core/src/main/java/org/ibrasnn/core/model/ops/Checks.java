package org.ibrasnn.core.model.ops;

/** Argument checks the ops share. */
final class Checks {

    private Checks() {}

    static void positive(String what, int... values) {
        for (int v : values) {
            if (v < 1) {
                throw new IllegalArgumentException(what + ": sizes must be >= 1, got " + v);
            }
        }
    }

    static void nonNegative(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + value);
        }
    }

    /** Fails unless the flow is real (membrane-side) values. */
    static void real(String what, org.ibrasnn.core.model.Flow flow) {
        if (flow != org.ibrasnn.core.model.Flow.REAL) {
            throw new IllegalArgumentException(what + " must sit on membrane-side (REAL) values, not on " + flow);
        }
    }
}
