package org.ibrasnn.core.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format: an 8-byte little-endian header length, a UTF-8 JSON header (padded with spaces
 * to 8-byte alignment) mapping tensor names to dtype, shape and data offsets, plus an optional
 * string-to-string {@code __metadata__}, then the little-endian data. This class writes float32 tensors
 * and reads them strictly ({@link SafeTensorsHeader} says what is checked): the header first, then the tensors
 * one by one, so a file is never held twice in memory.
 */
public final class SafeTensors {

    /** What a file holds: its metadata and its tensors, both in file order. */
    public record Contents(Map<String, String> metadata, Map<String, Tensor> tensors) {
        public Contents {
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        }
    }

    private static final String METADATA = SafeTensorsHeader.METADATA;

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

    /**
     * Opens a file and reads and validates its header only; any fault is an exception naming the file: a
     * {@link FileAccessException} when it cannot be read at all (missing, a directory, a FIFO, no permission), a
     * {@link ModelFormatException} when it is not valid safetensors.
     */
    public static Reader open(Path file) throws IOException {
        FileAccess.requireReadableFile(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw FileAccess.fault(file, "cannot read", e);
        }
        try {
            return new Reader(file, channel, SafeTensorsHeader.read(channel, file));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads and validates a whole file: its header, then its tensors. */
    public static Contents read(Path file) throws IOException {
        try (Reader reader = open(file)) {
            return new Contents(reader.metadata(), reader.tensors());
        }
    }

    /**
     * An open file whose header is read and valid, so that callers can check names and shapes before any
     * tensor data is read.
     */
    public static final class Reader implements Closeable {

        private static final int CHUNK = 1 << 20;

        private final Path file;
        private final FileChannel channel;
        private final SafeTensorsHeader header;

        private Reader(Path file, FileChannel channel, SafeTensorsHeader header) {
            this.file = file;
            this.channel = channel;
            this.header = header;
        }

        /** The {@code __metadata__} strings, in file order. */
        public Map<String, String> metadata() {
            return Collections.unmodifiableMap(header.metadata());
        }

        /** Each tensor's shape, in file order. */
        public Map<String, int[]> shapes() {
            Map<String, int[]> out = new LinkedHashMap<>();
            header.entries().forEach(e -> out.put(e.name(), e.shape().clone()));
            return out;
        }

        /**
         * Reads every tensor, in file order, through one small buffer; refuses up front, with the figures, a file
         * whose tensors do not fit the heap this JVM has left.
         */
        public Map<String, Tensor> tensors() throws IOException {
            long bytes = header.entries().stream().mapToLong(e -> e.end() - e.begin()).sum();
            long free = freeHeap();
            if (bytes > free) {
                System.gc(); // what looked used may be garbage; ask once before refusing
                free = freeHeap();
            }
            if (bytes > free) {
                throw new FileAccessException(file, String.format("its tensors take %.2f GB but this JVM has only "
                        + "%.2f GB of heap left (raise -Xmx)", bytes / 1e9, free / 1e9));
            }
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (SafeTensorsHeader.Entry e : header.entries()) {
                float[] values = new float[e.values()];
                long position = header.dataStart() + e.begin();
                for (int done = 0; done < values.length; ) {
                    int n = Math.min(CHUNK / Float.BYTES, values.length - done);
                    chunk.clear().limit(n * Float.BYTES);
                    SafeTensorsHeader.fill(channel, chunk, position, file).flip().asFloatBuffer().get(values, done, n);
                    done += n;
                    position += (long) n * Float.BYTES;
                }
                out.put(e.name(), Tensor.wrap(values, e.shape()));
            }
            return out;
        }

        private static long freeHeap() {
            Runtime rt = Runtime.getRuntime();
            return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
