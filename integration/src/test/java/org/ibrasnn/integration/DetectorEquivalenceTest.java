package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.junit.jupiter.api.Test;

/**
 * The CPU-sized SpikeYOLO detector runs spike-driven exactly as it trains: all three head outputs (box bins and
 * class logits at strides 8, 16, 32) of DJL's training form equal the runtime's, spike-driven and dense, at zero
 * tolerance on dyadic weights; depthwise convs, SPPF max-pooling, upsampling and concatenation of spike maps
 * included. Its BatchNorms take {@link EquivalenceCheck#EPS}, and each weight tensor a power-of-two scale near
 * 1/sqrt(fan-in), so that the deep network neither saturates nor falls silent (the outputs depend on the image)
 * while every product stays a short binary fraction.
 */
class DetectorEquivalenceTest {

    /** spikeyolo-pico at 64x64x1, its BatchNorms taking {@link EquivalenceCheck#EPS}. */
    static ModelSpec pico(NeuronSpec neuron, int classes) {
        ModelSpec spec = Architectures.build("spikeyolo-pico", new Shape(1, 64, 64), classes, neuron);
        return spec.withGraph(spec.graph().map(n -> n.op() instanceof BatchNorm b
                ? new Node(n.name(), new BatchNorm(b.channels(), EquivalenceCheck.EPS), n.inputs()) : n));
    }

    /** Zero-mean dyadic weights k / 2^m with 2^m near 4 sqrt(fan-in); BatchNorm as {@link EquivalenceCheck#tensors}. */
    static Map<String, Tensor> balanced(ModelSpec spec, SplittableRandom random) {
        Map<String, Tensor> out = new LinkedHashMap<>(EquivalenceCheck.tensors(spec, random));
        out.replaceAll((name, t) -> {
            int[] shape = t.shape();
            if (!name.endsWith(".weight") || shape.length < 2) {
                return t;
            }
            int fanIn = Arrays.stream(shape).skip(1).reduce(1, (a, b) -> a * b);
            int scale = Integer.highestOneBit((int) Math.ceil(4 * Math.sqrt(fanIn))) * 2;
            float[] v = new float[t.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextInt(-8, 9) * 2) / scale;
            }
            return Tensor.of(v, shape);
        });
        return out;
    }

    private static void check(NeuronSpec neuron, long seed) {
        ModelSpec spec = pico(neuron, 3);
        SplittableRandom random = new SplittableRandom(seed);
        float[] outputs = EquivalenceCheck.check(spec, balanced(spec, random), random);
        int width = outputs.length / EquivalenceCheck.IMAGES;
        assertFalse(Arrays.equals(Arrays.copyOfRange(outputs, 0, width), Arrays.copyOfRange(outputs, width, 2 * width)),
                neuron.describe() + ": two images give the same outputs, so no spike carries the image to the head");
    }

    @Test
    void ibraLifDetectorOutputsAreTheSameBitsSpikeDriven() {
        check(new IbraLifSpec(1.9375, 16, 0.25, 1), 7);
    }

    @Test
    void lifDetectorOverTwoStepsToo() {
        check(LifSpec.of(2), 8);
    }
}
