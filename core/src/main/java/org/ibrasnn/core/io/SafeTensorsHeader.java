package org.ibrasnn.core.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.ibrasnn.core.model.JsonFields;

/**
 * The validated header of a safetensors file: its metadata and, per tensor, the shape and the byte range in
 * the data section. Every number is read exactly (no rounding, no wrap-around): dimensions must be integers in
 * {@code 0..2^31-1}, offsets in {@code 0..2^63-1}, a tensor holds at most {@code 2^31-1} values, and the
 * tensors must tile the data section without gaps, overlaps or trailing bytes.
 */
record SafeTensorsHeader(Map<String, String> metadata, List<Entry> entries, long dataStart) {

    static final String METADATA = "__metadata__";
    private static final long MAX_HEADER = 100L << 20;

    /** One tensor: its name, shape, and data range relative to the start of the data section. */
    record Entry(String name, int[] shape, long begin, long end) {
        int values() {
            return (int) ((end - begin) / Float.BYTES);
        }
    }

    static SafeTensorsHeader read(FileChannel channel, Path file) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new ModelFormatException(file, "file is " + size + " bytes, too short for a safetensors header");
        }
        long headerLength = readFully(channel, 0, 8, file).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER || headerLength > size - 8) {
            throw new ModelFormatException(file, "header length " + Long.toUnsignedString(headerLength)
                    + " does not fit a file of " + size + " bytes (truncated or not safetensors)");
        }
        JsonObject header = parse(readFully(channel, 8, (int) headerLength, file), file);
        long dataStart = 8 + headerLength;
        long dataLength = size - dataStart;
        List<Entry> entries = entries(header, dataLength, file);
        checkCoverage(entries, dataLength, file);
        return new SafeTensorsHeader(metadata(header, file), entries, dataStart);
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length, Path file) throws IOException {
        return fill(channel, ByteBuffer.allocate(length), position, file).flip();
    }

    /** Fills the buffer's remaining bytes from {@code position} on; a short file or a read error names the file. */
    static ByteBuffer fill(FileChannel channel, ByteBuffer buffer, long position, Path file) throws IOException {
        int start = buffer.position();
        while (buffer.hasRemaining()) {
            long at = position + buffer.position() - start;
            int n;
            try {
                n = channel.read(buffer, at);
            } catch (IOException e) {
                throw FileAccess.fault(file, "cannot read", e);
            }
            if (n < 0) {
                throw new ModelFormatException(file, "unexpected end of file at byte " + at);
            }
        }
        return buffer;
    }

    private static JsonObject parse(ByteBuffer bytes, Path file) throws ModelFormatException {
        try {
            JsonElement parsed = StrictJson.parse(StandardCharsets.UTF_8.newDecoder().decode(bytes).toString());
            if (!parsed.isJsonObject()) {
                throw new ModelFormatException(file, "header is not a JSON object");
            }
            return parsed.getAsJsonObject();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(file, "header is not valid UTF-8");
        } catch (JsonParseException e) {
            throw new ModelFormatException(file, "header is not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static Map<String, String> metadata(JsonObject header, Path file) throws ModelFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        JsonElement meta = header.get(METADATA);
        if (meta == null) {
            return out;
        }
        if (!meta.isJsonObject()) {
            throw new ModelFormatException(file, METADATA + " is not a JSON object");
        }
        for (Map.Entry<String, JsonElement> e : meta.getAsJsonObject().entrySet()) {
            if (!(e.getValue() instanceof JsonPrimitive p) || !p.isString()) {
                throw new ModelFormatException(file, METADATA + " value of '" + e.getKey() + "' is not a string");
            }
            out.put(e.getKey(), p.getAsString());
        }
        return out;
    }

    private static List<Entry> entries(JsonObject header, long dataLength, Path file) throws ModelFormatException {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            String name = e.getKey();
            if (METADATA.equals(name)) {
                continue;
            }
            if (!e.getValue().isJsonObject()) {
                throw new ModelFormatException(file, "tensor '" + name + "' header is not a JSON object");
            }
            JsonObject o = e.getValue().getAsJsonObject();
            JsonElement dtype = o.get("dtype");
            if (!(dtype instanceof JsonPrimitive p) || !p.isString()) {
                throw new ModelFormatException(file, "tensor '" + name + "' lacks a string 'dtype'");
            }
            if (!"F32".equals(p.getAsString())) {
                throw new ModelFormatException(file, "tensor '" + name + "' has dtype " + p.getAsString()
                        + "; only F32 is supported");
            }
            long[] dims = integers(o, "shape", -1, Integer.MAX_VALUE, name, file);
            long[] offsets = integers(o, "data_offsets", 2, Long.MAX_VALUE, name, file);
            int[] shape = new int[dims.length];
            long count = 1;
            for (int i = 0; i < dims.length; i++) {
                shape[i] = (int) dims[i];
                count *= dims[i]; // both factors are below 2^31: no overflow
                if (count > Integer.MAX_VALUE) {
                    throw new ModelFormatException(file, "tensor '" + name + "' of shape " + text(dims)
                            + " holds more than " + Integer.MAX_VALUE + " values, the most one tensor may hold");
                }
            }
            long begin = offsets[0];
            long end = offsets[1];
            if (begin > end || end > dataLength) {
                throw new ModelFormatException(file, "tensor '" + name + "' data_offsets [" + begin + ", " + end
                        + "] lie outside the " + dataLength + "-byte data section");
            }
            if (end - begin != count * Float.BYTES) {
                throw new ModelFormatException(file, "tensor '" + name + "' spans " + (end - begin)
                        + " bytes but its shape " + text(dims) + " needs " + count * Float.BYTES);
            }
            entries.add(new Entry(name, shape, begin, end));
        }
        return entries;
    }

    private static void checkCoverage(List<Entry> entries, long dataLength, Path file) throws ModelFormatException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        for (Entry e : sorted) {
            if (e.begin() != expected) {
                throw new ModelFormatException(file, "tensor '" + e.name() + "' starts at byte " + e.begin()
                        + (e.begin() < expected ? ", overlapping the previous tensor" : ", leaving a gap")
                        + " (expected " + expected + ")");
            }
            expected = e.end();
        }
        if (expected != dataLength) {
            throw new ModelFormatException(file, (dataLength - expected)
                    + " trailing bytes after the last tensor (data section is " + dataLength + " bytes)");
        }
    }

    /** An array of exact integers in {@code 0..max}; {@code length < 0} allows any length. */
    private static long[] integers(JsonObject o, String key, int length, long max, String tensor, Path file)
            throws ModelFormatException {
        JsonElement v = o.get(key);
        if (v == null || !v.isJsonArray() || (length >= 0 && v.getAsJsonArray().size() != length)) {
            throw new ModelFormatException(file, "tensor '" + tensor + "' lacks an integer array '" + key + "'"
                    + (length >= 0 ? " of length " + length : ""));
        }
        JsonArray a = v.getAsJsonArray();
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            OptionalLong n = JsonFields.exactInteger(a.get(i));
            if (n.isEmpty() || n.getAsLong() < 0 || n.getAsLong() > max) {
                throw new ModelFormatException(file, "tensor '" + tensor + "' has " + JsonFields.shown(a.get(i))
                        + " in '" + key + "', not an integer in 0.." + max);
            }
            out[i] = n.getAsLong();
        }
        return out;
    }

    private static String text(long[] dims) {
        return Arrays.toString(dims);
    }
}
