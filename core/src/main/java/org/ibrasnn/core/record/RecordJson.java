package org.ibrasnn.core.record;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.ibrasnn.core.io.AtomicFiles;

/**
 * The one writer and reader of record files: a JSON object whose {@value #SCHEMA} and {@value #VERSION} name
 * the record's {@link Schema}, followed by the fields of a Java record in snake_case ({@code wallSeconds} is
 * {@code wall_seconds}; map keys stay as they are), then any derived values written for people and scripts.
 * Reading is strict: the schema name must match, the version must be one this build reads, and every field of
 * the record type must be present with its JSON type (strings, integers, numbers, booleans, enum names, arrays,
 * objects), or a {@link RecordFormatException} names the file and the field; values the record type does not
 * have (the derived ones) are ignored. Records may hold strings, primitives, enums, lists, maps keyed by
 * strings and other records.
 */
public final class RecordJson {

    /** The header field naming the schema. */
    public static final String SCHEMA = "schema";
    /** The header field holding the schema's version. */
    public static final String VERSION = "schema_version";

    /** A record type's name in files and the version of its shape this build writes and reads. */
    public record Schema(String name, int version) {
        public Schema {
            if (version < 1) {
                throw new IllegalArgumentException("schema versions start at 1, got " + version);
            }
        }
    }

    static final FieldNamingPolicy NAMING = FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES;

    private static final Gson GSON = new GsonBuilder().setFieldNamingPolicy(NAMING).setPrettyPrinting()
            .disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    private RecordJson() {}

    /** Writes {@code body} as a {@code schema} record, then {@code derived} (ignored when read), atomically. */
    public static void write(Path file, Schema schema, Record body, Map<String, ?> derived) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty(SCHEMA, schema.name());
        o.addProperty(VERSION, schema.version());
        GSON.toJsonTree(body).getAsJsonObject().entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        derived.forEach((key, value) -> {
            if (o.has(key)) {
                throw new IllegalArgumentException("derived value '" + key + "' would hide a field of "
                        + schema.name());
            }
            o.add(key, GSON.toJsonTree(value));
        });
        AtomicFiles.writeString(file, GSON.toJson(o) + "\n");
    }

    /** Reads a {@code schema} record of {@code type}; files without a schema field are refused. */
    public static <T extends Record> T read(Path file, Schema schema, Class<T> type) throws IOException {
        return read(file, schema, type, null);
    }

    /**
     * Reads a {@code schema} record of {@code type}. {@code unversioned} (null: none) turns the object of a file
     * written before the schema existed (it has no {@value #SCHEMA} field) into the current shape, which is then
     * read as strictly as any other.
     */
    public static <T extends Record> T read(Path file, Schema schema, Class<T> type,
                                            UnaryOperator<JsonObject> unversioned) throws IOException {
        JsonObject o = parse(file);
        if (!o.has(SCHEMA) && unversioned != null) {
            o = unversioned.apply(o.deepCopy());
        } else {
            checkHeader(file, schema, o);
        }
        return new RecordDecoder(file).record(o, type, "");
    }

    private static JsonObject parse(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such record file");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new RecordFormatException(file, "is not complete JSON (" + cause + ")");
        }
        if (!root.isJsonObject()) {
            throw new RecordFormatException(file, "is not a JSON object");
        }
        return root.getAsJsonObject();
    }

    private static void checkHeader(Path file, Schema schema, JsonObject o) throws RecordFormatException {
        RecordDecoder decoder = new RecordDecoder(file);
        String name = (String) decoder.value(o.get(SCHEMA), String.class, SCHEMA);
        if (!name.equals(schema.name())) {
            throw new RecordFormatException(file, SCHEMA, "is '" + name + "', not '" + schema.name() + "'");
        }
        int version = (Integer) decoder.value(o.get(VERSION), int.class, VERSION);
        if (version > schema.version()) {
            throw new RecordFormatException(file, VERSION, "is " + version + ": written by a newer ibra-snn "
                    + "(this build reads " + schema.name() + " version " + schema.version() + ")");
        }
        if (version != schema.version()) {
            throw new RecordFormatException(file, VERSION, "is " + version + ", a version this build does not "
                    + "read (it reads " + schema.version() + ")");
        }
    }
}
