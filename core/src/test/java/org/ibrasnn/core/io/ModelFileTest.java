package org.ibrasnn.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.EventFrames;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.neuron.ResetMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files: spec JSON round trips, metadata and tensor checks, and a reader that knows only the format. */
class ModelFileTest {

    @TempDir
    Path dir;

    private static final List<Activation> ACTIVATIONS = List.of(new Relu(), LifSpec.of(4),
            new LifSpec(0.5, ResetMode.HARD, 4.0, 0.5, 2), new ILifSpec(4, 0.25, 1), new IbLifSpec(4, 0.25, 1),
            IbraLifSpec.paperDefault(1), new IbraLifSpec(1.5, 10, 1.0, 3));

    static ModelSpec tiny(Activation activation) {
        return Architectures.build("resnet-tiny", new Shape(1, 28, 28), 10, activation);
    }

    static Map<String, Tensor> randomTensors(ModelSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Tensor> out = new LinkedHashMap<>();
        ModelTensors.expected(spec).forEach((name, shape) -> {
            float[] values = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < values.length; i++) {
                double g = random.nextGaussian();
                values[i] = (float) (name.endsWith(".running_var") ? Math.abs(g) : g);
            }
            out.put(name, Tensor.of(values, shape));
        });
        return out;
    }

    @Test
    void specJsonRoundTripsForEveryArchitectureAndActivation() {
        for (String arch : Architectures.names()) {
            Shape input = arch.endsWith("imagenet") ? new Shape(3, 64, 64)
                    : arch.endsWith("cifar") ? new Shape(3, 32, 32) : new Shape(1, 28, 28);
            for (Activation a : ACTIVATIONS) {
                ModelSpec spec = Architectures.build(arch, input, 10, a);
                assertEquals(spec, ModelSpecJson.fromJson(ModelSpecJson.toJson(spec)), arch + " " + a.describe());
            }
        }
    }

    @Test
    void modelFileRoundTrip() throws IOException {
        ModelSpec spec = tiny(IbraLifSpec.paperDefault(1));
        ModelFile file = new ModelFile("training", spec, Map.of("seed", "7"), randomTensors(spec, 1));
        Path path = dir.resolve("m.safetensors");
        file.write(path);
        ModelFile read = ModelFile.read(path);
        assertEquals(file.spec(), read.spec());
        assertEquals(file.tensors(), read.tensors());
        assertEquals("7", read.provenance().get("seed"));
        assertEquals("training", read.kind());
        assertNull(read.data(), "a file that records no data reads back without a record");
    }

    @Test
    void theDataRecordRoundTripsAndIsCheckedOnReading() throws IOException {
        ModelSpec spec = tiny(IbraLifSpec.paperDefault(1));
        DatasetRecord data = new DatasetRecord("nfashion-mnist", DatasetRecord.PIXEL_OVER_255, EventFrames.Split.TIME,
                2, 224);
        Path path = dir.resolve("d.safetensors");
        new ModelFile("training", spec, Map.of(), randomTensors(spec, 1), data).write(path);
        assertEquals(data, ModelFile.read(path).data());
        SafeTensors.Contents c = SafeTensors.read(path);
        String json = c.metadata().get("data");
        for (String[] edit : new String[][] {{"nfashion-mnist", "mnist-9"}, {"\"pool\":2", "\"pool\":0"},
                {"pixel/255", "z-score"}, {"\"frameSplit\":\"TIME\",", ""}, {json, "[]"}}) {
            Map<String, String> meta = new LinkedHashMap<>(c.metadata());
            meta.put("data", json.replace(edit[0], edit[1]));
            SafeTensors.write(path, c.tensors(), meta);
            String fault = edit[1].equals("[]") ? "bad metadata" : edit[1].isEmpty() ? "lacks 'frameSplit'" : edit[1]
                    .replace("\"pool\":0", "down-sampling factor must be >= 1");
            fails(path, "bad metadata", fault);
        }
    }

    /** Writes a valid file, then rewrites its metadata with {@code edit}. */
    private Path edited(String name, java.util.function.Consumer<Map<String, String>> edit) throws IOException {
        ModelSpec spec = tiny(IbraLifSpec.paperDefault(1));
        Path path = dir.resolve(name);
        new ModelFile("training", spec, Map.of(), randomTensors(spec, 2)).write(path);
        SafeTensors.Contents c = SafeTensors.read(path);
        Map<String, String> meta = new LinkedHashMap<>(c.metadata());
        edit.accept(meta);
        SafeTensors.write(path, c.tensors(), meta);
        return path;
    }

    private static void fails(Path file, String... fault) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        for (String f : fault) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention " + f);
        }
    }

    @Test
    void rejectsWrongFormatVersionKindAndSpec() throws IOException {
        fails(edited("v3", m -> m.put("format_version", "3")), "format version 3", "versions 1 and 2");
        fails(edited("fmt", m -> m.put("format", "other")), "not an ibra-snn model");
        fails(edited("kind", m -> m.put("kind", "weights")), "unknown model kind 'weights'");
        fails(edited("nospec", m -> m.remove("spec")), "lacks 'spec'");
        fails(edited("badjson", m -> m.put("spec", "{")), "bad metadata");
        fails(edited("unknown-layer", m -> m.put("spec", m.get("spec").replace("\"type\":\"maxpool\"",
                "\"type\":\"dropout\""))), "unknown op type 'dropout'", "known: ", "conv", "linear");
        fails(edited("missing-field", m -> m.put("spec", m.get("spec").replace("\"kernel\":3,", ""))),
                "missing field 'kernel'");
        fails(edited("fractional-input", m -> m.put("spec", m.get("spec").replace("\"input\":[1,28,28]",
                "\"input\":[1,28.5,28]"))), "spec.input[1] must be a positive integer, got 28.5");
        fails(edited("lenient-spec", m -> m.put("spec", m.get("spec").replace("\"arch\":", "arch:"))), "bad metadata",
                "not valid JSON");
        fails(edited("lenient-provenance", m -> m.put("provenance", "{seed: 1}")), "bad metadata");
        fails(edited("forward-reference", m -> m.put("spec", m.get("spec").replace("\"inputs\":[\"input\"]",
                "\"inputs\":[\"head.fc\"]"))), "stem.conv", "reads 'head.fc'", "earlier node");
    }

    @Test
    void rejectsTensorsThatDoNotMatchTheSpec() throws IOException {
        ModelSpec spec = tiny(new Relu());
        Map<String, Tensor> good = randomTensors(spec, 3);
        Path path = dir.resolve("t");
        Map<String, Tensor> missing = new LinkedHashMap<>(good);
        missing.remove("head.fc.bias");
        SafeTensors.write(path, missing, metadataOf(spec));
        fails(path, "head.fc.bias", "missing");
        Map<String, Tensor> extra = new LinkedHashMap<>(good);
        extra.put("ghost.weight", Tensor.of(new float[] {1}, 1));
        SafeTensors.write(path, extra, metadataOf(spec));
        fails(path, "ghost.weight", "not part of the spec");
        Map<String, Tensor> wrong = new LinkedHashMap<>(good);
        wrong.put("stem.conv.weight", Tensor.of(new float[32 * 9], 32, 1, 9));
        SafeTensors.write(path, wrong, metadataOf(spec));
        fails(path, "stem.conv.weight", "[32, 1, 9]", "[32, 1, 3, 3]");
    }

    private static Map<String, String> metadataOf(ModelSpec spec) {
        return Map.of("format", "ibra-snn", "format_version", "1", "kind", "training",
                "spec", ModelSpecJson.toJson(spec), "provenance", "{}");
    }

    @Test
    void truncatedModelFile() throws IOException {
        ModelSpec spec = tiny(new Relu());
        Path path = dir.resolve("cut");
        new ModelFile("training", spec, Map.of(), randomTensors(spec, 4)).write(path);
        byte[] all = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(all, all.length / 2));
        fails(path, "outside");
    }

    @Test
    void pythonStandardLibraryReadsTheFile() throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        assertTrue(Files.isExecutable(python), "/usr/bin/python3 is required for this test (apt-get install python3)");
        ModelSpec spec = tiny(IbraLifSpec.paperDefault(1));
        Map<String, Tensor> tensors = randomTensors(spec, 5);
        Path model = dir.resolve("py.safetensors");
        new ModelFile("training", spec, Map.of(), tensors).write(model);
        Path script = Path.of("src/test/resources/io/read_safetensors.py").toAbsolutePath();
        Process p = new ProcessBuilder(python.toString(), script.toString(), model.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        JsonObject summary = JsonParser.parseString(output).getAsJsonObject();
        assertEquals("resnet-tiny", summary.get("spec_arch").getAsString());
        assertEquals("[\"format\",\"format_version\",\"kind\",\"provenance\",\"spec\"]",
                summary.get("metadata_keys").toString());
        JsonObject read = summary.getAsJsonObject("tensors");
        assertEquals(tensors.keySet(), read.keySet());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            JsonObject t = read.getAsJsonObject(e.getKey());
            assertEquals(Arrays.toString(e.getValue().shape()).replace(" ", ""), t.get("shape").toString());
            double sum = 0;
            for (int i = 0; i < e.getValue().size(); i++) {
                sum += e.getValue().get(i);
            }
            assertEquals(sum, t.get("sum").getAsDouble(), 1e-9 * (1 + Math.abs(sum)), e.getKey());
            assertEquals(e.getValue().get(0), t.get("first").getAsFloat(), 0f, e.getKey());
        }
    }
}
