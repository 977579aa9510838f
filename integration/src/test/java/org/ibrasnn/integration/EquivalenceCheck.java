package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.djl.NamedParameters;
import org.ibrasnn.djl.ParameterTensors;
import org.ibrasnn.djl.SpikingNetwork;
import org.ibrasnn.runtime.InferenceExport;
import org.ibrasnn.runtime.SpikeRuntime;

/**
 * The zero-tolerance comparison the equivalence tests share: seeded dyadic tensors for a spec (BatchNorm
 * nodes are those whose name contains {@code bn}), DJL's training-form logits of seeded dyadic images, and
 * the spike-driven and dense runtime on the exported model, which must give the same bits. See
 * {@link SpikeDrivenEquivalenceTest} for why the arithmetic is exact.
 */
final class EquivalenceCheck {

    static final double EPS = 1.0 / 256;
    static final int IMAGES = 6;

    private EquivalenceCheck() {}

    /** Dyadic tensors: weights k/64, BN gamma k/8 in [0.5, 2], beta k/16, mean k/16, var 1 - eps (eps = {@link #EPS}). */
    static Map<String, Tensor> tensors(ModelSpec spec, SplittableRandom random) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Node n : spec.graph().nodes()) {
            boolean bn = n.op() instanceof BatchNorm;
            n.op().tensors().forEach((suffix, shape) -> {
                float[] v = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = suffix.equals("running_var") ? (float) (1 - EPS)
                            : suffix.equals("running_mean") ? (random.nextInt(17) - 8) / 16f
                            : bn && suffix.equals("weight") ? (4 + random.nextInt(13)) / 8f
                            : bn && suffix.equals("bias") ? (random.nextInt(33) - 8) / 16f
                            : (random.nextInt(65) - 24) / 64f;
                }
                out.put(n.name() + "." + suffix, Tensor.of(v, shape));
            });
        }
        return out;
    }

    static void check(ModelSpec spec, SplittableRandom random) {
        check(spec, tensors(spec, random), random);
    }

    /** {@link #check(ModelSpec, SplittableRandom)} with these tensors; returns DJL's outputs, image-major. */
    static float[] check(ModelSpec spec, Map<String, Tensor> weights, SplittableRandom random) {
        NeuronSpec neuron = (NeuronSpec) spec.activation();
        int size = spec.input().size();
        float[] images = new float[IMAGES * size];
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextInt(33) / 16f;
        }
        float[] training = djlOutputs(spec, weights, images);
        int width = training.length / IMAGES;
        SpikeRuntime runtime = SpikeRuntime.of(InferenceExport.fold(new ModelFile("training", spec, Map.of(), weights)));
        boolean anySpikes = false;
        for (int n = 0; n < IMAGES; n++) {
            float[] image = Arrays.copyOfRange(images, n * size, (n + 1) * size);
            float[] expected = Arrays.copyOfRange(training, n * width, (n + 1) * width);
            String where = neuron.describe() + " image " + n;
            assertArrayEquals(expected, runtime.joinedOutputs(image, SpikeRuntime.Mode.SPIKE_DRIVEN), 0f,
                    where + " spike-driven");
            assertArrayEquals(expected, runtime.joinedOutputs(image, SpikeRuntime.Mode.DENSE), 0f, where + " dense");
            for (int i = 1; i < width; i++) {
                anySpikes |= expected[i] != expected[0];
            }
        }
        assertTrue(anySpikes, neuron.describe() + ": outputs never vary, the network is silent");
        return training;
    }

    /** DJL's training-form outputs, image-major, each image's graph outputs joined in the graph's order. */
    private static float[] djlOutputs(ModelSpec spec, Map<String, Tensor> weights, float[] images) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SpikingNetwork network = SpikingNetwork.of(spec);
            network.block().initialize(manager, DataType.FLOAT32, network.inputShape(IMAGES));
            NamedParameters.of(network).forEach((name, p) -> ParameterTensors.load(p.getArray(), weights.get(name), name));
            var in = spec.input();
            NDArray x = manager.create(images, new ai.djl.ndarray.types.Shape(IMAGES, in.channels(), in.height(), in.width()));
            return network.imageMajorOutputs(new ParameterStore(manager, false), x, false);
        }
    }
}
