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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format: an 8-byte little-endian header length, a UTF-8 JSON header (padded with spaces
 * to 8-byte alignment) mapping tensor names to dtype, shape and data offsets, plus an optional
 * string-to-string {@code __metadata__}, then the little-endian data. This class writes float32 tensors
 * and reads them strictly.
 */
public final class SafeTensors {

    /** What a file holds: its metadata and its tensors, both in file order. */
    public record Contents(Map<String, String> metadata, Map<String, Tensor> tensors) {
        public Contents {
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        }
    }

    private static final String METADATA = "__metadata__";
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensors() {}

    /** Writes tensors (in map order) and metadata atomically. */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        JsonObject header = new JsonObject();
        JsonObject meta = new JsonObject();
        metadata.forEach(meta::addProperty);
        header.add(METADATA, meta);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (METADATA.equals(e.getKey())) {
                throw new IllegalArgumentException("a tensor cannot be named " + METADATA);
            }
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (int d : e.getValue().shape()) {
                shape.add(d);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += 4L * e.getValue().size();
            offsets.add(offset);
            entry.add("data_offsets", offsets);
            header.add(e.getKey(), entry);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        AtomicFiles.write(file, out -> {
            ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(prefix.array());
            out.write(json);
            out.write(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                for (int i = 0; i < t.size(); i++) {
                    if (!chunk.hasRemaining()) {
                        out.write(chunk.array(), 0, chunk.position());
                        chunk.clear();
                    }
                    chunk.putFloat(t.get(i));
                }
            }
            out.write(chunk.array(), 0, chunk.position());
        });
    }

    /** Reads and validates a file; any fault is a {@link ModelFormatException} naming the file. */
    public static Contents read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new ModelFormatException(file, "file is " + size + " bytes, too short for a safetensors header");
            }
            long headerLength = readFully(channel, 0, 8, file).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER || headerLength > size - 8) {
                throw new ModelFormatException(file, "header length " + Long.toUnsignedString(headerLength)
                        + " does not fit a file of " + size + " bytes (truncated or not safetensors)");
            }
            String text = StandardCharsets.UTF_8.decode(readFully(channel, 8, (int) headerLength, file)).toString();
            JsonObject header = parseHeader(text, file);
            long dataStart = 8 + headerLength;
            long dataLength = size - dataStart;
            Map<String, String> metadata = metadata(header, file);
            List<Entry> entries = entries(header, dataLength, file);
            checkCoverage(entries, dataLength, file);
            ByteBuffer data = readFully(channel, dataStart, Math.toIntExact(dataLength), file).order(ByteOrder.LITTLE_ENDIAN);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry e : entries) {
                float[] values = new float[(int) ((e.end - e.begin) / 4)];
                data.position((int) e.begin);
                data.asFloatBuffer().get(values);
                tensors.put(e.name, Tensor.wrap(values, e.shape));
            }
            return new Contents(metadata, tensors);
        }
    }

    /** One header entry, validated. */
    private static final class Entry {
        final String name;
        final int[] shape;
        final long begin;
        final long end;

        Entry(String name, int[] shape, long begin, long end) {
            this.name = name;
            this.shape = shape;
            this.begin = begin;
            this.end = end;
        }
    }

    private static JsonObject parseHeader(String text, Path file) throws ModelFormatException {
        try {
            JsonElement parsed = StrictJson.parse(text);
            if (!parsed.isJsonObject()) {
                throw new ModelFormatException(file, "header is not a JSON object");
            }
            return parsed.getAsJsonObject();
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
            String dtype = string(o, "dtype", name, file);
            if (!"F32".equals(dtype)) {
                throw new ModelFormatException(file, "tensor '" + name + "' has dtype " + dtype + "; only F32 is supported");
            }
            long[] dims = integers(o, "shape", name, file, -1);
            long[] offsets = integers(o, "data_offsets", name, file, 2);
            int[] shape = new int[dims.length];
            long count = 1;
            for (int i = 0; i < dims.length; i++) {
                if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                    throw new ModelFormatException(file, "tensor '" + name + "' has invalid dimension " + dims[i]);
                }
                shape[i] = (int) dims[i];
                count *= dims[i];
            }
            long begin = offsets[0];
            long end = offsets[1];
            if (begin < 0 || begin > end || end > dataLength) {
                throw new ModelFormatException(file, "tensor '" + name + "' data_offsets [" + begin + ", " + end
                        + "] lie outside the " + dataLength + "-byte data section");
            }
            if (end - begin != count * 4) {
                throw new ModelFormatException(file, "tensor '" + name + "' spans " + (end - begin)
                        + " bytes but its shape needs " + count * 4);
            }
            entries.add(new Entry(name, shape, begin, end));
        }
        return entries;
    }

    private static void checkCoverage(List<Entry> entries, long dataLength, Path file) throws ModelFormatException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong((Entry e) -> e.begin).thenComparingLong(e -> e.end));
        long expected = 0;
        for (Entry e : sorted) {
            if (e.begin != expected) {
                throw new ModelFormatException(file, "tensor '" + e.name + "' starts at byte " + e.begin
                        + (e.begin < expected ? ", overlapping the previous tensor" : ", leaving a gap")
                        + " (expected " + expected + ")");
            }
            expected = e.end;
        }
        if (expected != dataLength) {
            throw new ModelFormatException(file, (dataLength - expected)
                    + " trailing bytes after the last tensor (data section is " + dataLength + " bytes)");
        }
    }

    private static String string(JsonObject o, String key, String tensor, Path file) throws ModelFormatException {
        JsonElement v = o.get(key);
        if (!(v instanceof JsonPrimitive p) || !p.isString()) {
            throw new ModelFormatException(file, "tensor '" + tensor + "' lacks a string '" + key + "'");
        }
        return p.getAsString();
    }

    private static long[] integers(JsonObject o, String key, String tensor, Path file, int length)
            throws ModelFormatException {
        JsonElement v = o.get(key);
        if (v == null || !v.isJsonArray() || (length >= 0 && v.getAsJsonArray().size() != length)) {
            throw new ModelFormatException(file, "tensor '" + tensor + "' lacks an integer array '" + key + "'"
                    + (length >= 0 ? " of length " + length : ""));
        }
        JsonArray a = v.getAsJsonArray();
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement x = a.get(i);
            if (!(x instanceof JsonPrimitive p) || !p.isNumber() || p.getAsDouble() != Math.rint(p.getAsDouble())) {
                throw new ModelFormatException(file, "tensor '" + tensor + "' has a non-integer in '" + key + "'");
            }
            out[i] = p.getAsLong();
        }
        return out;
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ModelFormatException(file, "unexpected end of file");
            }
        }
        return buffer.flip();
    }
}
