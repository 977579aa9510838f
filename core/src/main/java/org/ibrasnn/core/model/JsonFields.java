package org.ibrasnn.core.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.OptionalLong;

/** Typed, named access to a JSON object's fields, with messages that say where a fault is. */
public record JsonFields(JsonObject o, String where) {

    /** Longer than any integer up to 2^63 written plainly; longer number texts are refused unparsed. */
    private static final int MAX_NUMBER_TEXT = 32;

    public boolean has(String key) {
        return o.has(key) && !o.get(key).isJsonNull();
    }

    private JsonElement get(String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException(where + ": missing field '" + key + "'");
        }
        return e;
    }

    public String string(String key) {
        if (!(get(key) instanceof JsonPrimitive p) || !p.isString()) {
            throw new IllegalArgumentException(where + ": field '" + key + "' must be a string");
        }
        return p.getAsString();
    }

    public int integer(String key) {
        JsonElement e = get(key);
        number(e, where + "." + key);
        OptionalLong v = exactInteger(e);
        if (v.isEmpty() || Math.abs(v.getAsLong()) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": field '" + key + "' must be an integer, got " + shown(e));
        }
        return (int) v.getAsLong();
    }

    /** An integer field that may be absent. */
    public int integer(String key, int absent) {
        return has(key) ? integer(key) : absent;
    }

    /** A finite number: one too large for a double (e.g. {@code 1e400}) is refused, not read as infinity. */
    public double decimal(String key) {
        double v = number(get(key), where + "." + key).doubleValue();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + ": field '" + key + "' must be a finite number, got "
                    + shown(get(key)));
        }
        return v;
    }

    public boolean bool(String key) {
        if (!(get(key) instanceof JsonPrimitive p) || !p.isBoolean()) {
            throw new IllegalArgumentException(where + ": field '" + key + "' must be true or false");
        }
        return p.getAsBoolean();
    }

    public JsonArray array(String key) {
        if (!get(key).isJsonArray()) {
            throw new IllegalArgumentException(where + ": field '" + key + "' must be an array");
        }
        return get(key).getAsJsonArray();
    }

    public JsonObject object(String key) {
        if (!get(key).isJsonObject()) {
            throw new IllegalArgumentException(where + ": field '" + key + "' must be an object");
        }
        return get(key).getAsJsonObject();
    }

    /**
     * The exact value of a JSON number that is an integer as written ({@code 3}, {@code 3.0}, {@code 3e2}; not
     * {@code 2.5} nor {@code 3.0000000000000000001}, which a double would round to 3), if it fits a long.
     */
    public static OptionalLong exactInteger(JsonElement e) {
        if (!(e instanceof JsonPrimitive p) || !p.isNumber() || p.getAsString().length() > MAX_NUMBER_TEXT) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(new BigDecimal(p.getAsString()).longValueExact());
        } catch (ArithmeticException | NumberFormatException x) {
            return OptionalLong.empty();
        }
    }

    /** A value as text for a message, cut short if long (no walk over nested values). */
    public static String shown(JsonElement e) {
        String s = e.isJsonPrimitive() ? e.getAsString() : e.isJsonArray() ? "a list" : e.isJsonObject() ? "an object" : "null";
        return s.length() <= MAX_NUMBER_TEXT ? s : s.substring(0, MAX_NUMBER_TEXT) + "... (" + s.length() + " characters)";
    }

    /** A JSON number, or an error naming {@code where}. */
    public static Number number(JsonElement e, String where) {
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
            throw new IllegalArgumentException(where + ": expected a number, got " + shown(e));
        }
        return p.getAsNumber();
    }
}
