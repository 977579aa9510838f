package org.ibrasnn.core.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Typed, named access to a JSON object's fields, with messages that say where a fault is. */
public record JsonFields(JsonObject o, String where) {

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
        double v = number(get(key), where + "." + key).doubleValue();
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": field '" + key + "' must be an integer, got " + v);
        }
        return (int) v;
    }

    /** An integer field that may be absent. */
    public int integer(String key, int absent) {
        return has(key) ? integer(key) : absent;
    }

    public double decimal(String key) {
        return number(get(key), where + "." + key).doubleValue();
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

    /** A JSON number, or an error naming {@code where}. */
    public static Number number(JsonElement e, String where) {
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
            throw new IllegalArgumentException(where + ": expected a number, got " + e);
        }
        return p.getAsNumber();
    }
}
