package org.ibrasnn.core.io;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses JSON as RFC 8259 defines it: no unquoted keys or strings, no comments, no trailing data. Gson's own
 * parser is lenient, which would let a damaged model file pass. Arrays and objects may nest at most
 * {@link #MAX_DEPTH} deep, so no later walk over the value (printing it in a message, say) can overflow the stack.
 */
public final class StrictJson {

    /** The deepest nesting accepted; the project's own files nest a few levels. */
    public static final int MAX_DEPTH = 64;

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
                    checkDepth(value);
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

    /** Walks the value without recursion and fails if it nests deeper than {@link #MAX_DEPTH}. */
    private static void checkDepth(JsonElement value) {
        Deque<JsonElement> level = new ArrayDeque<>(List.of(value));
        for (int depth = 0; !level.isEmpty(); depth++) {
            if (depth > MAX_DEPTH) {
                throw new JsonParseException("arrays and objects nest deeper than " + MAX_DEPTH + " levels");
            }
            Deque<JsonElement> next = new ArrayDeque<>();
            for (JsonElement e : level) {
                if (e.isJsonArray()) {
                    e.getAsJsonArray().forEach(next::add);
                } else if (e.isJsonObject()) {
                    e.getAsJsonObject().entrySet().forEach(m -> next.add(m.getValue()));
                }
            }
            level = next;
        }
    }

    private static String where(Exception e) {
        Matcher m = WHERE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group() : "(" + e.getClass().getSimpleName() + ")";
    }
}
