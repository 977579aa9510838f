package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.convert.AnnConversion;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.MaxPool;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.neuron.ResetMode;
import org.junit.jupiter.api.Test;

/**
 * Calibrated conversion, checked through the runtime on seeded random residual ANNs. ReLU is positively
 * homogeneous, so a conversion's weights run with ReLU again must give the ANN's logits: every scale
 * written into a stream has to be undone by exactly the layers that read it, across identity shortcuts,
 * projections, max-pooling and global pooling. And measuring the levels again on those weights must find
 * each stream's largest level at the neuron's saturation. The LIF target has V_th = 1: a spike stands
 * for one threshold, so for other thresholds the readers also undo V_th, which ReLU does not emit (that
 * gain is checked on known values in core's AnnConversionTest).
 */
class ConversionTest {

    private static final int IMAGES = 12;

    private static ModelSpec network() {
        Graph graph = new GraphBuilder()
                .then("stem", new Conv(1, 4, 3, 1, 1, true)).then("stem_bn", new BatchNorm(4, 1e-5))
                .then("stem.maxpool", new MaxPool(2, 2, 0))
                .residual("b1", "b1.n0", b -> b
                        .then("b1.conv1", new Conv(4, 4, 3, 1, 1, false)).then("b1.bn1", new BatchNorm(4, 1e-5))
                        .then("b1.n1", new Neuron())
                        .then("b1.conv2", new Conv(4, 4, 3, 1, 1, false)).then("b1.bn2", new BatchNorm(4, 1e-5)),
                        null)
                .residual("b2", "b2.n0", b -> b
                        .then("b2.conv1", new Conv(4, 8, 3, 2, 1, false)).then("b2.bn1", new BatchNorm(8, 1e-5))
                        .then("b2.n1", new Neuron())
                        .then("b2.conv2", new Conv(8, 8, 3, 1, 1, false)).then("b2.bn2", new BatchNorm(8, 1e-5)),
                        p -> p.then("b2.down", new Conv(4, 8, 1, 2, 0, false))
                                .then("b2.down_bn", new BatchNorm(8, 1e-5)))
                .then("head", new Neuron()).then("head.gap", new GlobalAvgPool()).then("fc1", new Linear(8, 6, true))
                .then("fc1_n", new Neuron()).then("fc", new Linear(6, 3, true))
                .build();
        return new ModelSpec("conversion", new Shape(1, 8, 8), 3, new Relu(), graph);
    }

    private static ModelFile ann(SplittableRandom random) {
        ModelSpec spec = network();
        Map<String, Tensor> out = new LinkedHashMap<>();
        ModelTensors.expected(spec).forEach((name, shape) -> {
            float[] v = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (name.endsWith("running_var") ? 0.2 + random.nextDouble()
                        : name.endsWith("bn.weight") || name.endsWith("bn1.weight") || name.endsWith("bn2.weight")
                        ? 0.5 + random.nextDouble() : random.nextGaussian() * 0.5);
            }
            out.put(name, Tensor.of(v, shape));
        });
        return new ModelFile("training", spec, Map.of(), out);
    }

    private static ImageSource images(SplittableRandom random) {
        float[][] pixels = new float[IMAGES][64];
        for (float[] p : pixels) {
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) random.nextDouble();
            }
        }
        return new ImageSource() {
            @Override public Shape shape() { return new Shape(1, 8, 8); }
            @Override public int size() { return IMAGES; }
            @Override public int label(int i) { return 0; }
            @Override public void image(int i, float[] dst) { System.arraycopy(pixels[i], 0, dst, 0, 64); }
        };
    }

    private static SpikeRuntime runtime(ModelFile training) {
        return SpikeRuntime.of(InferenceExport.fold(training));
    }

    private static Map<String, Double> levels(ModelFile model, ImageSource images, double percentile) {
        return NeuronInputLevels.measure(runtime(model), images, IMAGES, percentile, i -> { });
    }

    private static ModelFile asAnn(ModelFile converted) {
        return new ModelFile("training", converted.spec().withActivation(new Relu()), Map.of(), converted.tensors());
    }

    @Test
    void calibratedWeightsComputeTheAnnFunctionUnderRelu() {
        List<NeuronSpec> targets = List.of(IbraLifSpec.paperDefault(1), new IbraLifSpec(1.5, 10, 0.25, 1),
                new LifSpec(1.0, ResetMode.SOFT, 2.0, 1.0, 4));
        int checked = 0;
        for (int seed = 0; seed < 5; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            ModelFile ann = ann(random);
            ImageSource images = images(random);
            Map<String, Double> levels = levels(ann, images, 99.0);
            for (NeuronSpec target : targets) {
                ModelFile rescaled = asAnn(AnnConversion.calibrated(ann, target, levels, "test"));
                float[] image = new float[64];
                for (int i = 0; i < IMAGES; i++) {
                    images.image(i, image);
                    float[] expected = runtime(ann).outputs(image, SpikeRuntime.Mode.DENSE);
                    float[] actual = runtime(rescaled).outputs(image, SpikeRuntime.Mode.DENSE);
                    double scale = Arrays.stream(toDouble(expected)).map(Math::abs).max().orElse(1);
                    for (int k = 0; k < expected.length; k++) {
                        assertEquals(expected[k], actual[k], 1e-5 * scale, target.describe() + " seed " + seed);
                    }
                    checked++;
                }
            }
        }
        assertEquals(5 * 3 * IMAGES, checked);
    }

    @Test
    void calibratedLevelsLandOnSaturation() {
        SplittableRandom random = new SplittableRandom(7);
        ModelFile ann = ann(random);
        ImageSource images = images(random);
        Map<String, Double> before = levels(ann, images, 99.0);
        IbraLifSpec target = IbraLifSpec.paperDefault(1);
        Map<String, Double> after = levels(asAnn(AnnConversion.calibrated(ann, target, before, "test")), images, 99.0);
        // b1.n0 and b2.n0 read the stem's stream (b1 has an identity shortcut); the others are alone.
        for (String alone : List.of("b1.n1", "b2.n1", "head", "fc1_n")) {
            assertEquals(5.11, after.get(alone), 5.11e-5, alone + " " + after);
        }
        double shared = Math.max(after.get("b1.n0"), after.get("b2.n0"));
        assertEquals(5.11, shared, 5.11e-5, after.toString());
        assertEquals(before.get("b1.n0") / before.get("b2.n0"), after.get("b1.n0") / after.get("b2.n0"), 1e-5,
                "one scale for both neurons on the shared stream");
    }

    @Test
    void levelsAreNearestRankPercentilesOfThePositiveInputs() {
        // A 1x1 conv with weight 1 hands the pixels to the neuron unchanged.
        ModelSpec spec = new ModelSpec("probe", new Shape(1, 2, 2), 2, new Relu(), new GraphBuilder()
                .then("c", new Conv(1, 1, 1, 1, 0, false)).then("n", new Neuron()).then("gap", new GlobalAvgPool())
                .then("fc", new Linear(1, 2, true)).build());
        ModelFile model = new ModelFile("training", spec, Map.of(), Map.of("c.weight", Tensor.of(new float[] {1}, 1, 1, 1, 1),
                "fc.weight", Tensor.of(new float[] {1, -1}, 2, 1), "fc.bias", Tensor.of(new float[2], 2)));
        float[][] pixels = {{-1, 0.5f, 2, 3}, {4, -2, 1, 0}};
        ImageSource two = new ImageSource() {
            @Override public Shape shape() { return new Shape(1, 2, 2); }
            @Override public int size() { return 2; }
            @Override public int label(int i) { return 0; }
            @Override public void image(int i, float[] dst) { System.arraycopy(pixels[i], 0, dst, 0, 4); }
        };
        // Positive inputs: 0.5, 2, 3, 4, 1 -> sorted 0.5, 1, 2, 3, 4.
        SpikeRuntime rt = runtime(model);
        assertEquals(2.0, NeuronInputLevels.measure(rt, two, 2, 50, i -> { }).get("n"));
        assertEquals(4.0, NeuronInputLevels.measure(rt, two, 2, 100, i -> { }).get("n"));
        assertEquals(0.5, NeuronInputLevels.measure(rt, two, 2, 10, i -> { }).get("n"));
        assertEquals(3.0, NeuronInputLevels.measure(rt, two, 1, 100, i -> { }).get("n"), "first image only");
        var e = assertThrows(IllegalArgumentException.class, () -> NeuronInputLevels.measure(rt, two, 2, 0, i -> { }));
        assertTrue(e.getMessage().contains("percentile"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NeuronInputLevels.measure(rt, two, 3, 50, i -> { }));
        assertTrue(e.getMessage().contains("1..2 images"), e.getMessage());
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
