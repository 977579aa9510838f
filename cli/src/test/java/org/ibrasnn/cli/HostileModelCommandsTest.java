package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.io.SafeTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.djl.train.Recipe;
import org.ibrasnn.djl.train.TrainingRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads a model file, given broken ones generated from a valid file: exit code 2, one
 * line naming the file (or option) and the fault, no stack trace, and nothing written or changed beside it.
 */
class HostileModelCommandsTest {

    @TempDir
    Path dir;

    private Path valid;

    /** The commands with the model argument last; none may write anything (no --out exists yet). */
    private static final List<Function<String, String[]>> READERS = List.of(
            m -> new String[] {"export", "--out", "never.safetensors", "--model", m},
            m -> new String[] {"infer", "--limit", "2", "--model", m},
            m -> new String[] {"eval", "--limit", "2", "--model", m},
            m -> new String[] {"energy", "--limit", "2", "--model", m},
            m -> new String[] {"convert", "--out", "never.safetensors", "--ann", m});

    @BeforeEach
    void writeValid() throws IOException {
        valid = write("valid.safetensors", spec(new Shape(1, 28, 28), new Relu()), Map.of());
    }

    private static ModelSpec spec(Shape input, org.ibrasnn.core.neuron.Activation a) {
        return Architectures.build("resnet-tiny", input, 10, a);
    }

    /** A training model of {@code spec}: weights 0.01, running variances 1, then {@code poison[name]} at index 1. */
    private Path write(String name, ModelSpec spec, Map<String, Float> poison) throws IOException {
        Path file = dir.resolve(name);
        new ModelFile("training", spec, Map.of("seed", "1"), tensors(spec, Map.of())).write(file);
        if (!poison.isEmpty()) {
            SafeTensors.write(file, tensors(spec, poison), SafeTensors.read(file).metadata());
        }
        return file;
    }

    /** Tensors of {@code spec}: weights 0.01, running variances 1, then {@code poison[name]} at index 1. */
    static Map<String, Tensor> tensors(ModelSpec spec, Map<String, Float> poison) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ModelTensors.expected(spec).forEach((n, shape) -> {
            float[] v = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            Arrays.fill(v, n.endsWith("running_var") ? 1f : 0.01f);
            if (poison.containsKey(n)) {
                v[1] = poison.get(n);
            }
            tensors.put(n, Tensor.of(v, shape));
        });
        return tensors;
    }

    /** A copy of {@code from} whose header text is edited (the data section is kept as it is). */
    private Path patched(Path from, String name, UnaryOperator<String> edit) throws IOException {
        byte[] all = Files.readAllBytes(from);
        int length = (int) ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(all, 8, length, StandardCharsets.UTF_8);
        byte[] json = edit.apply(header).getBytes(StandardCharsets.UTF_8);
        assertFalse(Arrays.equals(json, header.getBytes(StandardCharsets.UTF_8)), "the patch applies");
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + all.length - 8 - length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json).put(all, 8 + length, all.length - 8 - length);
        return Files.write(dir.resolve(name), out.array());
    }

    /** Runs in {@code dir}-relative terms and asserts exit 2, one line naming {@code named} and the fault. */
    private CliRun refused(String[] args, String named, String... fault) throws IOException {
        List<String> before = listing();
        String[] absolute = Arrays.stream(args).map(a -> a.equals("never.safetensors") ? dir.resolve(a).toString() : a)
                .toArray(String[]::new);
        CliRun o = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(absolute));
        String all = String.join(" ", args);
        assertEquals(2, o.code(), all + ": " + o.err());
        assertEquals(1, o.err().lines().count(), all + ": one line, no stack trace: " + o.err());
        assertTrue(o.err().contains(named), all + ": '" + o.err() + "' should name " + named);
        for (String f : fault) {
            assertTrue(o.err().contains(f), all + ": '" + o.err() + "' should mention " + f);
        }
        assertEquals(before, listing(), all + ": nothing is written or changed");
        return o;
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p) + ":" + p.toFile().length() + ":" + p.toFile().lastModified())
                    .sorted().toList();
        }
    }

    private void everyReaderRefuses(Path model, String... fault) throws IOException {
        for (Function<String, String[]> command : READERS) {
            refused(command.apply(model.toString()), model.toString(), fault);
        }
    }

    @Test
    void aMissingFileADirectoryAndAFifoAreNamedWithTheirFault() throws Exception {
        everyReaderRefuses(dir.resolve("missing.safetensors"), ": no such file");
        everyReaderRefuses(Files.createDirectory(dir.resolve("adir.safetensors")), ": is a directory");
        Path fifo = dir.resolve("fifo.safetensors");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
        everyReaderRefuses(fifo, ": is not a regular file");
    }

    @Test
    void truncatedAndOversizedFilesAreRefused() throws IOException {
        byte[] all = Files.readAllBytes(valid);
        everyReaderRefuses(Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(all, all.length - 3)), "outside");
        Path wrapped = patched(valid, "wrapped.safetensors",
                h -> h.replaceFirst("\"data_offsets\":\\[0,", "\"data_offsets\":[18446744073709551616,"));
        everyReaderRefuses(wrapped, "18446744073709551616", "not an integer");
    }

    @Test
    void nonFiniteWeightsAndNegativeVariancesAreRefusedByEveryCommand() throws IOException {
        ModelSpec spec = spec(new Shape(1, 28, 28), new Relu());
        String weight = ModelTensors.expected(spec).keySet().iterator().next();
        String variance = ModelTensors.expected(spec).keySet().stream().filter(n -> n.endsWith("running_var"))
                .findFirst().orElseThrow();
        everyReaderRefuses(write("nan.safetensors", spec, Map.of(weight, Float.NaN)), "tensor " + weight, "NaN",
                "at index 1");
        everyReaderRefuses(write("inf.safetensors", spec, Map.of(weight, Float.POSITIVE_INFINITY)), "Infinity");
        everyReaderRefuses(write("negvar.safetensors", spec, Map.of(variance, -2f)), "tensor " + variance,
                "negative variance -2.0");
    }

    @Test
    void absurdTimestepsAreRefusedUpFront() throws IOException {
        Path t2 = write("t2.safetensors", spec(new Shape(1, 28, 28), IbraLifSpec.paperDefault(2)), Map.of());
        Path huge = patched(t2, "t100000.safetensors", h -> h.replace("\\\"T\\\":2", "\\\"T\\\":100000"));
        everyReaderRefuses(huge, "T must be between 1 and 1024", "T=100000");
    }

    @Test
    void reportNamesTheRunsBrokenModelFile() throws Exception {
        Path runDir = Files.createDirectory(dir.resolve("run"));
        new TrainingRecord("resnet-tiny", "ReLU", "classify", Recipe.quick(1), List.of(), false, 1, 0, -1)
                .write(runDir.resolve("metrics.json"));
        Path model = runDir.resolve("model.safetensors");
        ModelSpec spec = spec(new Shape(1, 28, 28), new Relu());
        String weight = ModelTensors.expected(spec).keySet().iterator().next();
        Files.move(write("nan.safetensors", spec, Map.of(weight, Float.NaN)), model);
        refused(new String[] {"report", "--limit", "2", runDir.toString()}, model.toString(), "NaN", "at index 1");
        Files.delete(model);
        Files.createDirectory(model);
        refused(new String[] {"report", "--limit", "2", runDir.toString()}, model.toString(), ": is a directory");
        Files.delete(model);
        assumeTrue(new ProcessBuilder("mkfifo", model.toString()).start().waitFor() == 0, "mkfifo is not available");
        refused(new String[] {"report", "--limit", "2", runDir.toString()}, model.toString(), ": is not a regular file");
    }

    @Test
    void evalChecksTheModelsInputShapeAsInferDoes() throws IOException {
        Path wide = write("wide.safetensors", spec(new Shape(1, 32, 32), new Relu()), Map.of());
        refused(new String[] {"eval", "--limit", "2", "--model", wide.toString()}, wide.toString(),
                "images of 1x28x28 given but the model expects 1x32x32");
        refused(new String[] {"infer", "--limit", "2", "--model", wide.toString()}, "1x32x32",
                "images of 1x28x28 given but the model expects 1x32x32");
    }

    @Test
    void energyRefusesAnInputWhoseSizeOverflows() throws IOException {
        refused(new String[] {"energy", "--ann", "--arch", "resnet-tiny", "--input", "1x100000x100000"},
                "--input 1x100000x100000: ", "10000000000 values, more than 2147483647");
        refused(new String[] {"energy", "--ann", "--arch", "resnet-tiny", "--input", "1x40000x40000"},
                "--input 1x40000x40000: ", "shape 32x40000x40000 holds 51200000000 values");
    }

    @Test
    void exportAndConvertTargetsAreNamedWithTheirFault() throws IOException {
        Path taken = Files.createDirectory(dir.resolve("taken.safetensors"));
        refused(new String[] {"export", "--model", valid.toString(), "--out", taken.toString()}, taken.toString(),
                ": is a directory");
        refused(new String[] {"convert", "--ann", valid.toString(), "--out", taken.toString()}, taken.toString(),
                ": is a directory");
        Path underFile = valid.resolve("out.safetensors");
        refused(new String[] {"export", "--model", valid.toString(), "--out", underFile.toString()}, underFile.toString(),
                ": cannot write");
    }

    @Test
    void exportCleansTheTemporaryOfAKilledExportAndWritesTheTarget() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path sub = Files.createDirectory(dir.resolve("exports"));
        Path out = sub.resolve("inference.safetensors");
        Path leftover = Files.writeString(sub.resolve(".inference.safetensors.tmp-" + gone.pid() + "-k1ll3d"), "half");
        run("export", "--model", valid.toString(), "--out", out.toString()).succeeded();
        assertFalse(Files.exists(leftover), "the killed export's temporary is gone");
        assertEquals("inference", ModelFile.read(out).kind());
        try (Stream<Path> files = Files.list(sub)) {
            assertEquals(List.of("inference.safetensors"), files.map(p -> p.getFileName().toString()).toList(),
                    "nothing else is left");
        }
    }
}
