package org.ibrasnn.core.model;

import java.util.regex.Pattern;

/** Node names become tensor-name prefixes, so they are restricted to a safe alphabet. */
public final class Names {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");

    private Names() {}

    public static void check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid node name '" + name + "': use letters, digits, _ and dots");
        }
    }
}
