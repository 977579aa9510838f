package org.ibrasnn.experiments.report;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.GsonBuilder;

/**
 * Pretty JSON for the files experiments write: maps keep their keys, records and other objects name their
 * fields in snake_case ({@code energyMj} becomes {@code energy_mj}); HTML is not escaped, NaN and infinities kept.
 */
public final class Json {
    private Json() {}

    /** {@code value} (maps, lists, records, numbers, strings) as indented JSON ending in a newline. */
    public static String pretty(Object value) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
                .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create().toJson(value) + "\n";
    }
}
