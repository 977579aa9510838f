package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.MaxPool;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.ResetMode;
import org.ibrasnn.djl.NamedParameters;
import org.ibrasnn.djl.ParameterTensors;
import org.ibrasnn.djl.SpikingNetwork;
import org.ibrasnn.runtime.InferenceExport;
import org.ibrasnn.runtime.SpikeRuntime;
import org.junit.jupiter.api.Test;

/**
 * The central test: spike-driven inference (bit-planes, unary slots or binary spikes; accumulate-only
 * after the stem) gives the same logits as the DJL training form, for every neuron setting and
 * T in {1, 4}, on seeded random residual networks; and for event input, where frame t of the input feeds
 * timestep t, for every setting at T = 4 and T = 10.
 *
 * <p>Tolerance: zero. Weights are multiples of 2^-6, BatchNorm statistics make {@code var + eps = 1}, and
 * images are multiples of 2^-4, so every product and partial sum is a short binary fraction that float32
 * holds exactly; range alignment uses N = 16 (a power of two) or N = 1, so W / N is exact too. Then the
 * summation order cannot matter and any difference would be a real arithmetic error. (With N = 100 a
 * membrane value can sit within float rounding of a count boundary, where folding BatchNorm may move a
 * count by one; the trained-model check in the closing note measures how rare that is.)
 */
class SpikeDrivenEquivalenceTest {

    private static final double EPS = 1.0 / 256;
    private static final int IMAGES = 6;

    private static List<NeuronSpec> settings(int steps) {
        return List.of(new LifSpec(1.0, ResetMode.SOFT, 2.0, 0.25, steps),
                new LifSpec(0.5, ResetMode.HARD, 2.0, 0.5, steps), new ILifSpec(4, 0.25, steps),
                new IbLifSpec(3, 0.25, steps), new IbraLifSpec(1.9375, 16, 0.25, steps));
    }

    private static ModelSpec network(NeuronSpec neuron) {
        GraphBuilder g = new GraphBuilder().then("stem", new Conv(1, 4, 3, 1, 1, false))
                .then("stem_bn", new BatchNorm(4, EPS)).then(new MaxPool(2, 2, 0))
                .residual("b1", "b1.n0", body -> body.then("b1.conv1", new Conv(4, 4, 3, 1, 1, false))
                        .then("b1.bn1", new BatchNorm(4, EPS)).then("b1.n1", new Neuron())
                        .then("b1.conv2", new Conv(4, 4, 3, 1, 1, false)).then("b1.bn2", new BatchNorm(4, EPS)), null)
                .residual("b2", "b2.n0", body -> body.then("b2.conv1", new Conv(4, 8, 3, 2, 1, false))
                        .then("b2.bn1", new BatchNorm(8, EPS)).then("b2.n1", new Neuron())
                        .then("b2.conv2", new Conv(8, 8, 3, 1, 1, false)).then("b2.bn2", new BatchNorm(8, EPS)),
                        down -> down.then("b2.down", new Conv(4, 8, 1, 2, 0, false))
                                .then("b2.down_bn", new BatchNorm(8, EPS)))
                .then("head", new Neuron()).then(new GlobalAvgPool()).then("fc", new Linear(8, 3, true));
        return new ModelSpec("equivalence", new Shape(1, 8, 8), 3, neuron, g.build());
    }

    /** Dyadic tensors: weights k/64, BN gamma k/8 in [0.5, 2], beta k/16, mean k/16, var 1 - eps. */
    private static Map<String, Tensor> tensors(ModelSpec spec, SplittableRandom random) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        ModelTensors.expected(spec).forEach((name, shape) -> {
            float[] v = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < v.length; i++) {
                v[i] = name.endsWith("running_var") ? (float) (1 - EPS)
                        : name.endsWith("running_mean") ? (random.nextInt(17) - 8) / 16f
                        : name.contains("bn") && name.endsWith(".weight") ? (4 + random.nextInt(13)) / 8f
                        : name.contains("bn") && name.endsWith(".bias") ? (random.nextInt(33) - 8) / 16f
                        : (random.nextInt(65) - 24) / 64f;
            }
            out.put(name, Tensor.of(v, shape));
        });
        return out;
    }

    @Test
    void spikeDrivenLogitsEqualTrainingFormLogits() {
        int cases = 0;
        for (int steps : new int[] {1, 4}) {
            for (NeuronSpec neuron : settings(steps)) {
                for (int seed = 0; seed < 4; seed++) {
                    check(neuron, new SplittableRandom(seed * 101L + steps));
                    cases++;
                }
            }
        }
        assertTrue(cases == 40);
    }

    @Test
    void framesOverTimeGiveTheSameLogitsToo() {
        int cases = 0;
        for (int frames : new int[] {4, 10}) {
            for (NeuronSpec neuron : settings(frames)) {
                for (int seed = 0; seed < 2; seed++) {
                    check(network(neuron).withInputFrames(frames), new SplittableRandom(seed * 31L + frames));
                    cases++;
                }
            }
        }
        assertTrue(cases == 20);
    }

    private static void check(NeuronSpec neuron, SplittableRandom random) {
        check(network(neuron), random);
    }

    private static void check(ModelSpec spec, SplittableRandom random) {
        NeuronSpec neuron = (NeuronSpec) spec.activation();
        int size = spec.input().size();
        Map<String, Tensor> weights = tensors(spec, random);
        float[] images = new float[IMAGES * size];
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextInt(33) / 16f;
        }
        float[] training = djlLogits(spec, weights, images);
        SpikeRuntime runtime = SpikeRuntime.of(InferenceExport.fold(new ModelFile("training", spec, Map.of(), weights)));
        boolean anySpikes = false;
        for (int n = 0; n < IMAGES; n++) {
            float[] image = Arrays.copyOfRange(images, n * size, (n + 1) * size);
            float[] expected = Arrays.copyOfRange(training, n * 3, (n + 1) * 3);
            String where = neuron.describe() + " image " + n;
            assertArrayEquals(expected, runtime.outputs(image, SpikeRuntime.Mode.SPIKE_DRIVEN), 0f, where + " spike-driven");
            assertArrayEquals(expected, runtime.outputs(image, SpikeRuntime.Mode.DENSE), 0f, where + " dense");
            anySpikes |= expected[0] != expected[1] || expected[1] != expected[2];
        }
        assertTrue(anySpikes, neuron.describe() + ": logits never vary, the network is silent");
    }

    private static float[] djlLogits(ModelSpec spec, Map<String, Tensor> weights, float[] images) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SpikingNetwork network = SpikingNetwork.of(spec);
            network.block().initialize(manager, DataType.FLOAT32, network.inputShape(IMAGES));
            NamedParameters.of(network).forEach((name, p) -> ParameterTensors.load(p.getArray(), weights.get(name), name));
            var in = spec.input();
            NDArray x = manager.create(images, new ai.djl.ndarray.types.Shape(IMAGES, in.channels(), in.height(), in.width()));
            return network.forward(new ParameterStore(manager, false), x, false).toFloatArray();
        }
    }
}
