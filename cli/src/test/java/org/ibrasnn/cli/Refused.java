package org.ibrasnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a refused command must show: exit code 2 and one line on standard error naming what is wrong. */
final class Refused {

    private Refused() {}

    /** Fails unless {@code o} exited with 2 and printed one line containing every one of {@code words}. */
    static void assertRefused(CliRun o, String... words) {
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line, no stack trace: " + o.err());
        for (String w : words) {
            assertTrue(o.err().contains(w), "'" + o.err().strip() + "' should mention " + w);
        }
    }
}
