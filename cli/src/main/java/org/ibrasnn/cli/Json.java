package org.ibrasnn.cli;

import com.google.gson.GsonBuilder;

/** Pretty JSON for the files the commands write. */
final class Json {
    private Json() {}

    static String pretty(Object value) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create().toJson(value) + "\n";
    }
}
