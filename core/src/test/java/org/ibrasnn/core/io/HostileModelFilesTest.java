package org.ibrasnn.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files broken as a hostile user would break them, each generated from one valid file: every case is
 * refused with an exception of the expected type whose message names the file and the fault, and nothing
 * beside the file is changed.
 */
class HostileModelFilesTest {

    @TempDir
    Path dir;

    private Path valid;
    private ModelSpec spec;

    @BeforeEach
    void writeValid() throws IOException {
        spec = ModelFileTest.tiny(IbraLifSpec.paperDefault(2));
        valid = dir.resolve("valid.safetensors");
        new ModelFile("training", spec, Map.of("seed", "1"), ModelFileTest.randomTensors(spec, 1)).write(valid);
    }

    /** The file's header as JSON and its data section. */
    private record Parts(JsonObject header, byte[] data) {
        JsonObject meta() {
            return header.getAsJsonObject("__metadata__");
        }
    }

    private Parts parts(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int length = (int) ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String json = new String(all, 8, length, StandardCharsets.UTF_8);
        return new Parts(JsonParser.parseString(json).getAsJsonObject(), Arrays.copyOfRange(all, 8 + length, all.length));
    }

    /** A copy of the valid file with its header edited (the header text as given, not re-encoded). */
    private Path withHeader(String name, String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json).put(data);
        return Files.write(dir.resolve(name), b.array());
    }

    private Path edited(String name, Consumer<Parts> edit) throws IOException {
        Parts p = parts(valid);
        edit.accept(p);
        return withHeader(name, p.header().toString(), p.data());
    }

    /** Asserts the read fails with {@code type}, naming the file and every fault word, and changes nothing. */
    private <T extends IOException> T refused(Class<T> type, Path file, String... fault) throws IOException {
        List<String> before = listing();
        T e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(type, () -> ModelFile.read(file)));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        for (String f : fault) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention " + f);
        }
        assertEquals(before, listing(), "nothing beside the file changes");
        return e;
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName() + ":" + p.toFile().length()).sorted().toList();
        }
    }

    private String firstTensor() {
        return ModelTensors.expected(spec).keySet().iterator().next();
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] all = Files.readAllBytes(valid);
        refused(ModelFormatException.class, Files.write(dir.resolve("cut"), Arrays.copyOf(all, all.length - 1)),
                "outside", "data section");
        refused(ModelFormatException.class, Files.write(dir.resolve("stub"), Arrays.copyOf(all, 5)), "too short");
    }

    @Test
    void headerNumbersBeyondTheirRangeAreRefusedNotWrapped() throws IOException {
        String t = firstTensor();
        refused(ModelFormatException.class, edited("offset-2^64", p -> p.header().getAsJsonObject(t)
                .add("data_offsets", JsonParser.parseString("[18446744073709551616, 18446744073709551620]"))),
                "'" + t + "'", "18446744073709551616", "data_offsets", "not an integer");
        refused(ModelFormatException.class, edited("shape-2^64", p -> p.header().getAsJsonObject(t)
                .add("shape", JsonParser.parseString("[18446744073709551617, 1, 3, 3]"))),
                "18446744073709551617", "shape");
        refused(ModelFormatException.class, edited("shape-negative", p -> p.header().getAsJsonObject(t)
                .add("shape", JsonParser.parseString("[-8, 1, 3, 3]"))), "-8", "shape");
        refused(ModelFormatException.class, edited("shape-fraction", p -> p.header().getAsJsonObject(t)
                .add("shape", JsonParser.parseString("[7.5, 1, 3, 3]"))), "7.5", "not an integer");
        String long1 = "1" + "0".repeat(39);
        Parts p = parts(valid);
        String text = p.header().toString().replaceFirst("\"shape\":\\[\\d+", "\"shape\":[" + long1);
        refused(ModelFormatException.class, withHeader("shape-40-digits", text, p.data()), "(40 characters)");
    }

    @Test
    void numbersADoubleWouldRoundAreRefused() throws IOException {
        refused(ModelFormatException.class, edited("fractional-input", p -> p.meta().addProperty("spec",
                p.meta().get("spec").getAsString().replace("\"input\":[1,28,28]", "\"input\":[1,28.000000000000000001,28]"))),
                "bad metadata", "spec.input[1] must be a positive integer, got 28.000000000000000001");
        refused(ModelFormatException.class, edited("fractional-channels", p -> p.meta().addProperty("spec",
                p.meta().get("spec").getAsString().replaceFirst("\"in\":1,", "\"in\":1.0000000000000000001,"))),
                "bad metadata", "'in' must be an integer, got 1.0000000000000000001");
        refused(ModelFormatException.class, edited("infinite-eps", p -> p.meta().addProperty("spec",
                p.meta().get("spec").getAsString().replaceFirst("\"eps\":[^,}]+", "\"eps\":1e400"))),
                "bad metadata", "'eps' must be a finite number, got 1e400");
        String t = firstTensor();
        refused(ModelFormatException.class, edited("shape-1e999999999", p -> p.header().getAsJsonObject(t)
                .add("shape", JsonParser.parseString("[1e999999999, 1, 3, 3]"))), "1e999999999", "not an integer");
    }

    @Test
    void declaredSizesBeyondWhatATensorHoldsAreRefused() throws IOException {
        String t = firstTensor();
        refused(ModelFormatException.class, edited("shape-2^31", p -> p.header().getAsJsonObject(t)
                .add("shape", JsonParser.parseString("[2147483648]"))), "2147483648", "not an integer in 0..2147483647");
        refused(ModelFormatException.class, edited("shape-2^32-values", p -> p.header().getAsJsonObject(t)
                .add("shape", JsonParser.parseString("[65536, 65536, 3, 3]"))), "more than 2147483647 values");
    }

    /**
     * A file over 2 GiB (sparse: no disk is used): a stray tensor is refused from the header alone, without
     * reading its 8.6 GB, and a plain safetensors read refuses the size up front with the figures.
     */
    @Test
    void aModelFileOver2GiBIsRefusedFromItsHeader() throws IOException {
        Parts p = parts(valid);
        long stray = Integer.MAX_VALUE;
        JsonObject entry = new JsonObject();
        entry.addProperty("dtype", "F32");
        JsonArray shape = new JsonArray();
        shape.add(stray);
        entry.add("shape", shape);
        JsonArray offsets = new JsonArray();
        offsets.add(p.data().length);
        offsets.add(p.data().length + 4 * stray);
        entry.add("data_offsets", offsets);
        p.header().add("stray", entry);
        Path big = withHeader("big.safetensors", p.header().toString(), p.data());
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(f.length() + 4 * stray);
        }
        assertTrue(Files.size(big) > (1L << 33), "over 8 GiB");
        refused(ModelFormatException.class, big, "tensor stray is not part of the spec");
        FileAccessException e = assertThrows(FileAccessException.class, () -> SafeTensors.read(big));
        assertTrue(e.getMessage().startsWith(big + ": its tensors take 8.59 GB") && e.getMessage().contains("-Xmx"),
                e.getMessage());
    }

    @Test
    void deeplyNestedJsonInsideAModelFileIsRefusedWithoutStackOverflow() throws IOException {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        refused(ModelFormatException.class, edited("deep-inputs", p -> p.meta().addProperty("spec",
                p.meta().get("spec").getAsString().replaceFirst("\"inputs\":\\[[^]]*]", "\"inputs\":" + deep))),
                "bad metadata", "nest deeper than 64");
        refused(ModelFormatException.class, edited("deep-provenance", p -> p.meta().addProperty("provenance",
                "{\"seed\": " + deep + "}")), "bad metadata", "nest deeper than 64");
        refused(ModelFormatException.class, edited("deep-spec", p -> p.meta().addProperty("spec", deep)),
                "bad metadata", "nest deeper than 64");
        Parts p = parts(valid);
        String header = p.header().toString().replaceFirst("\\{", "{\"deep\":" + deep + ",");
        refused(ModelFormatException.class, withHeader("deep-header", header, p.data()), "nest deeper than 64");
    }

    @Test
    void absurdTimestepsAreRefusedBeforeAnythingIsAllocated() throws IOException {
        refused(ModelFormatException.class, edited("t-100000", p -> p.meta().addProperty("spec",
                p.meta().get("spec").getAsString().replace("\"T\":2", "\"T\":100000"))),
                "bad metadata", "T must be between 1 and 1024", "T=100000");
    }

    @Test
    void aNetworkWhoseOneImageDoesNotFitTheHeapIsRefusedBeforeItsTensorsAreRead() throws IOException {
        ModelSpec huge = org.ibrasnn.core.model.Architectures.build("resnet-tiny", new org.ibrasnn.core.model.Shape(1,
                8_000, 8_000), 10, IbraLifSpec.paperDefault(1));
        Path file = dir.resolve("huge-input.safetensors");
        new ModelFile("training", huge, Map.of(), ModelFileTest.randomTensors(huge, 3)).write(file);
        refused(FileAccessException.class, file, "one image needs", "GB of activations per timestep",
                "input 1x8000x8000", "heap of this JVM");
    }

    @Test
    void nonFiniteWeightsAndNegativeVariancesAreRefusedOnReadAndOnWrite() throws IOException {
        Map<String, String> meta = SafeTensors.read(valid).metadata();
        String running = ModelTensors.expected(spec).keySet().stream().filter(n -> n.endsWith(".running_var"))
                .findFirst().orElseThrow();
        for (Object[] c : new Object[][] {{firstTensor(), Float.NaN, "NaN"}, {firstTensor(), Float.NEGATIVE_INFINITY,
                "-Infinity"}, {running, -0.5f, "negative variance -0.5"}}) {
            Map<String, Tensor> tensors = new LinkedHashMap<>(ModelFileTest.randomTensors(spec, 2));
            tensors.replaceAll((n, t) -> n.endsWith(".running_var") ? Tensor.of(new float[t.size()], t.shape()) : t);
            float[] values = tensors.get((String) c[0]).toArray();
            values[3] = (float) c[1];
            tensors.put((String) c[0], Tensor.of(values, tensors.get((String) c[0]).shape()));
            Path bad = dir.resolve("bad-" + c[2] + ".safetensors");
            SafeTensors.write(bad, tensors, meta);
            refused(ModelFormatException.class, bad, "tensor " + c[0], (String) c[2], "at index 3");

            Path out = dir.resolve("out.safetensors");
            ModelFile model = new ModelFile("training", spec, Map.of(), tensors);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> model.write(out));
            assertTrue(e.getMessage().startsWith(out + ": not written: tensor " + c[0]), e.getMessage());
            assertFalse(Files.exists(out), "no model is written");
        }
    }

    @Test
    void whatIsNotAReadableFileIsNamedWithItsFault() throws Exception {
        refused(FileAccessException.class, dir.resolve("missing.safetensors"), "no such file");
        refused(FileAccessException.class, Files.createDirectory(dir.resolve("adir")), "is a directory");
        Path fifo = dir.resolve("fifo");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
        refused(FileAccessException.class, fifo, "not a regular file");
    }

    @Test
    void anUnreadableFileIsNamed() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads every file");
        Path locked = Files.copy(valid, dir.resolve("locked.safetensors"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-w-------"));
        refused(FileAccessException.class, locked, "permission denied");
    }

    @Test
    void killedWritersTemporariesAreCleanedByTheNextWriteAndALiveOnesIsKept() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path target = sub.resolve("model.safetensors");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.writeString(sub.resolve(".model.safetensors.tmp-" + gone.pid() + "-k1ll3d"), "half");
        Path other = Files.writeString(sub.resolve(".other.json.tmp-" + gone.pid() + "-k1ll3d"), "half");
        Path live = Files.writeString(sub.resolve(".model.safetensors.tmp-" + ProcessHandle.current().pid() + "-busy"), "x");
        Path unrelated = Files.writeString(sub.resolve(".model.safetensors.tmp-notes"), "mine");
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        assertFalse(Files.exists(dead) || Files.exists(other), "the dead writers' temporaries are removed");
        assertTrue(Files.exists(live) && Files.exists(unrelated), "a live writer's temporary and other files are kept");
    }

    @Test
    void writeFailuresNameTheTarget() throws IOException {
        Path target = Files.createDirectory(dir.resolve("taken"));
        FileAccessException e = assertThrows(FileAccessException.class, () -> AtomicFiles.writeString(target, "x"));
        assertEquals(target + ": is a directory, not a file", e.getMessage());
        assertTrue(Files.isDirectory(target), "the directory is left alone");

        Path underFile = valid.resolve("model.safetensors");
        e = assertThrows(FileAccessException.class, () -> AtomicFiles.writeString(underFile, "x"));
        assertTrue(e.getMessage().startsWith(underFile + ": cannot write"), e.getMessage());

        Path full = dir.resolve("full.safetensors");
        List<String> before = listing();
        e = assertThrows(FileAccessException.class, () -> AtomicFiles.write(full, out -> {
            out.write(new byte[1000]);
            throw new IOException("No space left on device");
        }));
        assertEquals(full + ": cannot write: No space left on device", e.getMessage());
        assertEquals(before, listing(), "no temporary is left and nothing else changes");
    }
}
