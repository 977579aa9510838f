package org.ibrasnn.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors writer and the strict reader: round trip and one broken file per fault. */
class SafeTensorsTest {

    @TempDir
    Path dir;

    /** A file built by hand: header JSON (padded to 8) then {@code data} bytes. */
    private Path raw(String name, String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    private void fails(Path file, String... fault) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        for (String f : fault) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention " + f);
        }
    }

    @Test
    void roundTripKeepsOrderValuesAndMetadata() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("b", Tensor.of(new float[] {1.5f, -2f, Float.MIN_VALUE, 3e38f, -0f, 7f}, 2, 3));
        tensors.put("a", Tensor.of(new float[] {42f}, 1));
        tensors.put("empty", Tensor.of(new float[0], 0, 4));
        Path file = dir.resolve("t.safetensors");
        SafeTensors.write(file, tensors, Map.of("k", "v = ü"));
        SafeTensors.Contents read = SafeTensors.read(file);
        assertEquals(tensors, read.tensors());
        assertEquals(java.util.List.of("b", "a", "empty"), java.util.List.copyOf(read.tensors().keySet()));
        assertEquals("v = ü", read.metadata().get("k"));
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + headerLength) % 8, "data starts 8-byte aligned");
        assertArrayEquals(new int[] {2, 3}, read.tensors().get("b").shape());
    }

    @Test
    void shortOrTruncatedFiles() throws IOException {
        Path tiny = dir.resolve("tiny");
        Files.write(tiny, new byte[5]);
        fails(tiny, "5 bytes", "too short");
        Path big = raw("big", "{}", 0);
        byte[] bytes = Files.readAllBytes(big);
        bytes[0] = 100;
        Files.write(big, bytes);
        fails(big, "header length 100");
        Path good = dir.resolve("good");
        SafeTensors.write(good, Map.of("x", Tensor.of(new float[] {1, 2, 3}, 3)), Map.of());
        byte[] all = Files.readAllBytes(good);
        Path cut = dir.resolve("cut");
        Files.write(cut, Arrays.copyOf(all, all.length - 4));
        fails(cut, "tensor 'x'", "outside");
    }

    @Test
    void malformedHeaders() throws IOException {
        fails(raw("notjson", "{not json", 0), "not valid JSON");
        fails(raw("array", "[1, 2]", 0), "not a JSON object");
        fails(raw("nodtype", "{\"x\": {\"shape\": [1], \"data_offsets\": [0, 4]}}", 4), "'x'", "dtype");
        fails(raw("f16", "{\"x\": {\"dtype\": \"F16\", \"shape\": [2], \"data_offsets\": [0, 4]}}", 4), "F16");
        fails(raw("negshape", "{\"x\": {\"dtype\": \"F32\", \"shape\": [-1], \"data_offsets\": [0, 4]}}", 4),
                "-1 in 'shape'", "not an integer");
        fails(raw("fracshape", "{\"x\": {\"dtype\": \"F32\", \"shape\": [1.5], \"data_offsets\": [0, 4]}}", 4),
                "1.5 in 'shape'", "not an integer");
        fails(raw("offsets", "{\"x\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0]}}", 4),
                "data_offsets");
        fails(raw("meta", "{\"__metadata__\": {\"a\": 1}}", 0), "'a'", "not a string");
    }

    @Test
    void lenientJsonIsRefused() throws IOException {
        fails(raw("unquoted", "{x: {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}", 4),
                "not valid JSON");
        fails(raw("comment", "{/* c */}", 0), "not valid JSON");
        fails(raw("trailing", "{} {}", 0), "not valid JSON", "data after the JSON value");
        fails(raw("single", "{'x': 1}", 0), "not valid JSON");
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        fails(raw("deep", deep, 0), "nest deeper than 64");
    }

    @Test
    void offsetsMustCoverTheDataExactly() throws IOException {
        fails(raw("reversed", "{\"x\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 0]}}", 4),
                "outside");
        fails(raw("span", "{\"x\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 4]}}", 4),
                "spans 4 bytes", "needs 8");
        fails(raw("overlap", "{\"x\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]},"
                + "\"y\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}", 8), "overlapping");
        fails(raw("gap", "{\"x\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}", 8), "gap");
        fails(raw("trailing", "{\"x\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}", 12),
                "8 trailing bytes");
    }

    @Test
    void failedWriteLeavesThePreviousFileAndNoTemporary() throws IOException {
        Path file = dir.resolve("model.safetensors");
        AtomicFiles.writeString(file, "previous");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full (simulated)");
        }));
        assertEquals(file + ": cannot write: disk full (simulated)", e.getMessage());
        assertEquals("previous", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
