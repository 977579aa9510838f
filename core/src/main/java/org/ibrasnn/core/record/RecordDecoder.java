package org.ibrasnn.core.record;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Builds a record from the JSON tree of one file, naming the file and the field path of the first fault. */
final class RecordDecoder {

    private final Path file;

    RecordDecoder(Path file) {
        this.file = file;
    }

    /** A record of {@code type} from an object at {@code path} ("" for the file's top level). */
    <T> T record(JsonObject o, Class<T> type, String path) throws RecordFormatException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = fieldName(type, components[i]);
            values[i] = value(o.get(name), components[i].getGenericType(), path.isEmpty() ? name : path + "." + name);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            String problem = "is invalid: " + e.getCause().getMessage();
            throw path.isEmpty() ? new RecordFormatException(file, problem) : fault(path, problem);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getName(), e);
        }
    }

    /** A value of {@code type} from {@code e} (null: absent) at {@code path}. */
    Object value(JsonElement e, Type type, String path) throws RecordFormatException {
        if (e == null || e.isJsonNull()) {
            throw fault(path, "is missing");
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            JsonArray array = expect(e, e.isJsonArray(), path, "an array").getAsJsonArray();
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                out.add(value(array.get(i), p.getActualTypeArguments()[0], path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[0] == String.class) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : expect(e, e.isJsonObject(), path, "an object")
                    .getAsJsonObject().entrySet()) {
                out.put(entry.getKey(), value(entry.getValue(), p.getActualTypeArguments()[1],
                        path + "." + entry.getKey()));
            }
            return Collections.unmodifiableMap(out);
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalStateException("records cannot hold " + type + " (" + path + ")");
        }
        if (c.isRecord()) {
            return record(expect(e, e.isJsonObject(), path, "an object").getAsJsonObject(), c, path);
        }
        if (c == String.class) {
            return primitive(e, path, "a string", JsonPrimitive::isString).getAsString();
        }
        if (c == boolean.class || c == Boolean.class) {
            return primitive(e, path, "true or false", JsonPrimitive::isBoolean).getAsBoolean();
        }
        if (c.isEnum()) {
            String name = primitive(e, path, "a string", JsonPrimitive::isString).getAsString();
            return Arrays.stream(c.getEnumConstants()).filter(k -> ((Enum<?>) k).name().equals(name)).findFirst()
                    .orElseThrow(() -> fault(path, "is '" + name + "', not one of "
                            + Arrays.toString(c.getEnumConstants())));
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            BigDecimal n = primitive(e, path, "an integer", JsonPrimitive::isNumber).getAsBigDecimal();
            try {
                return c == int.class || c == Integer.class ? (Object) n.intValueExact() : (Object) n.longValueExact();
            } catch (ArithmeticException overflowOrFraction) {
                throw fault(path, "must be an integer in the range of " + c.getSimpleName() + ", got " + n);
            }
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            double d = primitive(e, path, "a number", RecordDecoder::isNumber).getAsDouble();
            return c == double.class || c == Double.class ? (Object) d : (Object) (float) d;
        }
        throw new IllegalStateException("records cannot hold " + type + " (" + path + ")");
    }

    /** The field name records of {@code type} are written with. */
    private static String fieldName(Class<?> type, RecordComponent component) {
        try {
            return RecordJson.NAMING.translateName(type.getDeclaredField(component.getName()));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonElement expect(JsonElement e, boolean ok, String path, String what) throws RecordFormatException {
        if (!ok) {
            throw fault(path, "must be " + what + ", got " + (e.isJsonPrimitive() ? e : e.isJsonArray() ? "an array"
                    : "an object"));
        }
        return e;
    }

    private JsonPrimitive primitive(JsonElement e, String path, String what,
                                    Predicate<JsonPrimitive> kind) throws RecordFormatException {
        return expect(e, e.isJsonPrimitive() && kind.test(e.getAsJsonPrimitive()), path, what).getAsJsonPrimitive();
    }

    /** A JSON number, or one of the words Gson writes for NaN and the infinities. */
    private static boolean isNumber(JsonPrimitive p) {
        return p.isNumber() || p.isString() && List.of("NaN", "Infinity", "-Infinity").contains(p.getAsString());
    }

    private RecordFormatException fault(String path, String problem) {
        return new RecordFormatException(file, path, problem);
    }
}
