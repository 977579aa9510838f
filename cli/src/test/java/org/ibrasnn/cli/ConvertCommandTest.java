package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.io.SafeTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.experiments.conversion.ConversionComparison;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ibra convert} end to end on a random resnet-tiny ANN and the real Fashion-MNIST files. */
class ConvertCommandTest {

    @TempDir
    Path dir;

    private Path ann;

    @BeforeEach
    void writeAnn() throws Exception {
        ModelSpec spec = Architectures.build("resnet-tiny", new Shape(1, 28, 28), 10, new Relu());
        SplittableRandom random = new SplittableRandom(3);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ModelTensors.expected(spec).forEach((name, shape) -> {
            float[] v = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (name.endsWith("running_var") ? 1 + random.nextDouble() : random.nextGaussian() * 0.3);
            }
            tensors.put(name, Tensor.of(v, shape));
        });
        ann = dir.resolve("ann.safetensors");
        new ModelFile("training", spec, Map.of("seed", "3"), tensors).write(ann);
    }

    @Test
    void convertsPlainAndCalibratedModelsThatTheRuntimeRuns() throws Exception {
        Path plain = dir.resolve("plain.safetensors");
        CliRun o = run("convert", "--ann", ann.toString(), "--out", plain.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(IbraLifSpec.paperDefault(1), ModelFile.read(plain).spec().activation());

        Path lif = dir.resolve("lif.safetensors");
        o = run("convert", "--ann", ann.toString(), "--neuron", "lif", "--T", "4", "--calibrate", "16", "--out", lif.toString());
        assertEquals(0, o.code(), o.err());
        ModelFile converted = ModelFile.read(lif);
        assertEquals(4, ((LifSpec) converted.spec().activation()).timesteps());
        assertTrue(converted.provenance().get("conversion").contains("calibrated on 16 training images"),
                converted.provenance().toString());
        o = run("infer", "--model", lif.toString(), "--limit", "8");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("accuracy"), o.out());
    }

    @Test
    void compareWritesOneRowPerConversion() throws Exception {
        Path md = dir.resolve("table.md");
        Path json = dir.resolve("table.json");
        CliRun o = run("convert", "--ann", ann.toString(), "--compare", "--limit", "4", "--markdown", md.toString(),
                "--json", json.toString());
        assertEquals(0, o.code(), o.err());
        String table = Files.readString(md);
        assertEquals(1 + ConversionComparison.TARGETS.size(), table.lines().filter(l -> l.startsWith("| ") && !l.contains("---")).count() - 1,
                table);
        assertTrue(table.contains("IBRA-LIF(D=5.11, N=100") && table.contains("I-LIF") && table.contains("LIF(V_th"), table);
        assertTrue(Files.readString(json).contains("\"efficiency_vs_ann\""));
    }

    @Test
    void badInputIsNamed() throws Exception {
        Path out = dir.resolve("x.safetensors");
        Path snn = dir.resolve("snn.safetensors");
        assertEquals(0, run("convert", "--ann", ann.toString(), "--out", snn.toString()).code());
        rejected(run("convert", "--ann", snn.toString(), "--out", out.toString()), "not an ANN");
        rejected(run("convert", "--ann", ann.toString(), "--neuron", "ann", "--out", out.toString()), "spiking neuron");
        rejected(run("convert", "--ann", ann.toString()), "exactly one of --out FILE or --compare");
        rejected(run("convert", "--ann", ann.toString(), "--calibrate", "-1", "--out", out.toString()), "--calibrate");

        SafeTensors.Contents good = SafeTensors.read(ann);
        Map<String, String> meta = new LinkedHashMap<>(good.metadata());
        meta.put("spec", meta.get("spec").replaceFirst("\"type\":\"conv\"", "\"type\":\"deconv\""));
        Path unknown = dir.resolve("unknown.safetensors");
        SafeTensors.write(unknown, good.tensors(), meta);
        rejected(run("convert", "--ann", unknown.toString(), "--out", out.toString()), "unknown op type 'deconv'");

        Map<String, Tensor> fewer = new LinkedHashMap<>(good.tensors());
        fewer.remove("head.fc.bias");
        Path mismatched = dir.resolve("mismatched.safetensors");
        SafeTensors.write(mismatched, fewer, good.metadata());
        rejected(run("convert", "--ann", mismatched.toString(), "--out", out.toString()), "head.fc.bias");
        assertFalse(Files.exists(out), "nothing written on bad input");
    }

    private static void rejected(CliRun o, String words) {
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(words), "'" + o.err() + "' should mention " + words);
    }
}
