package org.ibrasnn.core.io;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses JSON as RFC 8259 defines it: no unquoted keys or strings, no comments, no trailing data. Gson's own
 * parser is lenient, which would let a damaged model file pass.
 */
public final class StrictJson {

    private static final Gson GSON = new Gson();
    private static final Pattern WHERE = Pattern.compile("at line \\d+ column \\d+");

    private StrictJson() {}

    /** The document's value; a {@link JsonParseException} says what is wrong and where. */
    public static JsonElement parse(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement value;
            try {
                value = GSON.getAdapter(JsonElement.class).read(reader);
            } catch (IOException | IllegalStateException | JsonParseException e) {
                throw new JsonParseException("malformed JSON " + where(e), e);
            }
            try {
                if (reader.peek() == JsonToken.END_DOCUMENT) {
                    return value;
                }
            } catch (IOException e) {
                // a second value or stray characters: reported below
            }
            throw new JsonParseException("data after the JSON value");
        } catch (IOException e) {
            throw new JsonParseException("unreadable JSON: " + e.getMessage(), e);
        }
    }

    private static String where(Exception e) {
        Matcher m = WHERE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group() : "(" + e.getClass().getSimpleName() + ")";
    }
}
