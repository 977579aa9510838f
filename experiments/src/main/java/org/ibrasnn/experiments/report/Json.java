package org.ibrasnn.experiments.report;

import com.google.gson.GsonBuilder;

/** Pretty JSON for the files experiments write (HTML not escaped, NaN and infinities kept). */
public final class Json {
    private Json() {}

    /** {@code value} (maps, lists, records, numbers, strings) as indented JSON ending in a newline. */
    public static String pretty(Object value) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create().toJson(value) + "\n";
    }
}
