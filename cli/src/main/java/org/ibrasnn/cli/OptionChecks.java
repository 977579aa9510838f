package org.ibrasnn.cli;

import java.nio.file.Path;

/** Range checks of numeric options, failing with one line that names the option. */
final class OptionChecks {

    private OptionChecks() {}

    /** {@code value}, or an IllegalArgumentException naming {@code option} unless it is at least {@code min}. */
    static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** {@link #atLeast(String, int, int)} for an option that may be absent (null passes). */
    static Integer atLeast(String option, Integer value, int min) {
        return value == null ? null : atLeast(option, value.intValue(), min);
    }

    /**
     * An IllegalArgumentException naming {@code outOption} when the output {@code out} is the input file {@code in},
     * which the message calls {@code inputName}.
     */
    static void distinctFiles(String outOption, Path out, Path in, String inputName) {
        if (out.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(outOption + " " + out + " is the " + inputName + "; name another file");
        }
    }
}
