package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.model.ops.StandardizedConv;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.runtime.InferenceExport;
import org.junit.jupiter.api.Test;

/**
 * A weight-standardised stem (one conv on the image, one on spikes) trains and runs spike-driven alike: DJL's
 * training form and the spike-driven runtime on the exported model give the same bits. Standardisation is
 * exact here because each output channel's raw weights are a shuffled, sign-flipped and shifted pattern whose
 * centred values are small integers with a sum of squares of {@code fanIn * v} (v = 2 for the 9 weights of the
 * stem, 1 for the 36 of the second conv), and eps makes {@code fanIn * v + eps = 64}: mean, variance, square
 * root and scale ({@code gain / 8}) are then exact in float32 (libtorch, at every forward pass) and in double
 * (the export) alike.
 */
class StandardizedConvExportTest {

    /** Centred raw weights of one output channel: sum 0, sum of squares 18 = 9 x 2 (stem) and 36 = 36 x 1. */
    private static final int[] STEM_PATTERN = {2, -2, 2, -2, 1, -1, 0, 0, 0};
    private static final int[] STEM2_PATTERN = java.util.stream.IntStream.range(0, 36).map(i -> i % 2 == 0 ? 1 : -1)
            .toArray();

    static ModelSpec network(NeuronSpec neuron) {
        return new ModelSpec("ws-stem", new Shape(1, 8, 8), 3, neuron, new GraphBuilder()
                .then("stem", new StandardizedConv(1, 4, 3, 1, 1, 64 - 18)).then("n0", new Neuron())
                .then("stem2", new StandardizedConv(4, 6, 3, 2, 1, 64 - 36)).then("n1", new Neuron())
                .then("conv", new Conv(6, 6, 3, 1, 1, false)).then("conv_bn", new BatchNorm(6, EquivalenceCheck.EPS))
                .then("n2", new Neuron()).then("gap", new GlobalAvgPool()).then("fc", new Linear(6, 3, true)).build());
    }

    /** {@link EquivalenceCheck#tensors} with the standardised convs' weights and gains made exact. */
    static Map<String, Tensor> tensors(ModelSpec spec, SplittableRandom random) {
        Map<String, Tensor> tensors = new java.util.LinkedHashMap<>(EquivalenceCheck.tensors(spec, random));
        exact(tensors, "stem", STEM_PATTERN, 4, random);
        exact(tensors, "stem2", STEM2_PATTERN, 6, random);
        return tensors;
    }

    private static void exact(Map<String, Tensor> tensors, String node, int[] pattern, int out,
                              SplittableRandom random) {
        float[] w = new float[out * pattern.length];
        float[] gain = new float[out];
        for (int o = 0; o < out; o++) {
            int[] shuffled = pattern.clone();
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            float sign = random.nextBoolean() ? 1 : -1;
            float shift = (random.nextInt(33) - 16) / 16f;
            for (int k = 0; k < pattern.length; k++) {
                w[o * pattern.length + k] = sign * shuffled[k] + shift;
            }
            gain[o] = (8 + random.nextInt(17)) / 8f;
        }
        tensors.put(node + ".weight", Tensor.of(w, tensors.get(node + ".weight").shape()));
        tensors.put(node + ".gain", Tensor.of(gain, out));
    }

    @Test
    void aStandardizedStemRunsSpikeDrivenAsItTrains() {
        int cases = 0;
        for (NeuronSpec neuron : List.of(new IbraLifSpec(1.9375, 16, 0.25, 1), new IbraLifSpec(1.9375, 16, 0.25, 2),
                new IbLifSpec(3, 0.25, 1), LifSpec.of(2))) {
            for (int seed = 0; seed < 3; seed++) {
                SplittableRandom random = new SplittableRandom(31L * seed + neuron.timesteps());
                ModelSpec spec = network(neuron);
                EquivalenceCheck.check(spec, tensors(spec, random), random);
                cases++;
            }
        }
        assertEquals(12, cases);
    }

    @Test
    void theExportedStemIsAPlainConvWithTheStandardisedWeights() {
        ModelSpec spec = network(IbraLifSpec.paperDefault(1));
        Map<String, Tensor> tensors = tensors(spec, new SplittableRandom(5));
        ModelFile folded = InferenceExport.fold(new ModelFile("training", spec, Map.of(), tensors));
        assertEquals(new Conv(1, 4, 3, 1, 1, true), folded.spec().graph().node("stem").op());
        assertEquals(new Conv(4, 6, 3, 2, 1, true), folded.spec().graph().node("stem2").op());
        assertTrue(folded.tensors().keySet().stream().noneMatch(k -> k.endsWith(".gain")), folded.tensors().keySet()
                .toString());
        float[] expected = ((StandardizedConv) spec.graph().node("stem2").op()).effectiveWeight(
                tensors.get("stem2.weight").toArray(), tensors.get("stem2.gain").toArray());
        float[] actual = folded.tensors().get("stem2.weight").toArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] / 100, actual[i], "stem2 reads IBRA-LIF counts: W / N, N = 100");
        }
        assertEquals(tensors.get("stem2.bias").get(0), folded.tensors().get("stem2.bias").get(0));
    }
}
