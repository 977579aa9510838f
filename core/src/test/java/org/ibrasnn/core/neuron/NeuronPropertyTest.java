package org.ibrasnn.core.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded random checks of the codecs and the step functions over thousands of cases. */
class NeuronPropertyTest {

    private static final List<NeuronSpec> SPECS = List.of(
            LifSpec.of(1), new ILifSpec(4, 0.25, 1), new ILifSpec(7, 0.5, 1), new IbLifSpec(4, 0.25, 1),
            new IbLifSpec(8, 0.25, 1), new IbraLifSpec(1.5, 10, 0.25, 1), IbraLifSpec.paperDefault(1),
            new IbraLifSpec(1.023, 1000, 0.25, 1), new IbraLifSpec(65.535, 1000, 1.0, 1));

    @Test
    void everyCountRoundTripsThroughItsCodec() {
        for (NeuronSpec spec : SPECS) {
            SpikeCodec codec = SpikeCodec.of(spec);
            assertEquals(spec.slotsPerStep(), codec.slots(), spec.describe());
            assertEquals(spec.maxCount(), codec.maxCount(), spec.describe());
            for (int s = 0; s <= spec.maxCount(); s++) {
                int[] slots = codec.encode(s);
                assertEquals(s, codec.decode(slots), spec.describe() + " S=" + s);
                int ones = 0;
                for (int v : slots) {
                    assertTrue(v == 0 || v == 1);
                    ones += v;
                }
                assertEquals(ones, codec.events(s), "popcount == events, S=" + s);
                assertEquals(ones, spec.events(s), "spec agrees with codec, S=" + s);
            }
        }
    }

    @Test
    void unarySlotsSumToTheCountAndBitPlanesAreLeastSignificantFirst() {
        SpikeCodec unary = SpikeCodec.of(new ILifSpec(7, 0.25, 1));
        assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0, 0}, unary.encode(3));
        assertEquals(7, unary.events(7), "a unary 7 costs 7 events");
        SpikeCodec planes = SpikeCodec.of(new IbLifSpec(4, 0.25, 1));
        assertArrayEquals(new int[] {0, 1, 1, 0}, planes.encode(6), "6 = 2^1 + 2^2");
        assertEquals(3, planes.events(7), "a bit-plane 7 costs 3 events");
    }

    @Test
    void integerNeuronsEmitWholeCountsAndResetByWhatTheyEmit() {
        SplittableRandom random = new SplittableRandom(20261122);
        for (int trial = 0; trial < 5000; trial++) {
            int steps = 1 + random.nextInt(6);
            CountingNeuronSpec spec = randomCounting(random, steps);
            float[] currents = new float[steps];
            for (int t = 0; t < steps; t++) {
                currents[t] = (float) (random.nextGaussian() * 3 * spec.d());
            }
            List<NeuronStep> trace = ReferenceNeuron.forward(spec, currents);
            for (NeuronStep s : trace) {
                assertTrue(s.count() >= 0 && s.count() <= spec.maxCount(), spec.describe() + " " + s);
                assertEquals(s.count() / (float) spec.n(), s.output(), 0f, "O = S / N exactly");
                assertEquals(s.vPre() - s.output(), s.vAfter(), 0f, "soft reset by the emitted value");
                float expectedGrad = s.vPre() >= 0 && s.vPre() <= (float) spec.d() ? 1f : 0f;
                assertEquals(expectedGrad, s.gradient(), 0f, "straight-through mask");
                assertEquals(Math.max(0, Math.min(spec.maxCount(), Math.rint(s.vPre() * (float) spec.n()))),
                        s.count(), 0, "S = clip(rint(V_pre * N), 0, D*N)");
            }
        }
    }

    @Test
    void backwardAccumulatesDecayedGradientsWhileInsideTheRange() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 2000; trial++) {
            int steps = 1 + random.nextInt(6);
            double alpha = 0.05 + 0.95 * random.nextDouble();
            IbraLifSpec spec = new IbraLifSpec(1000.0, 10, alpha, steps);
            float[] currents = new float[steps];
            float[] gradOut = new float[steps];
            for (int t = 0; t < steps; t++) {
                currents[t] = (float) (0.1 + random.nextDouble() * 10);
                gradOut[t] = (float) random.nextGaussian();
            }
            float[] grads = ReferenceNeuron.backward(spec, ReferenceNeuron.forward(spec, currents), gradOut);
            // V_pre stays inside [0, D] (positive inputs, huge D): dL/dI_t = sum_{u >= t} alpha^(u - t) dL/dO_u.
            float a = (float) alpha;
            for (int t = 0; t < steps; t++) {
                double expected = 0;
                for (int u = t; u < steps; u++) {
                    expected += Math.pow(a, u - t) * gradOut[u];
                }
                assertEquals(expected, grads[t], 1e-4 * (1 + Math.abs(expected)), "t=" + t);
            }
        }
    }

    private static CountingNeuronSpec randomCounting(SplittableRandom random, int steps) {
        double alpha = 0.05 + 0.95 * random.nextDouble();
        return switch (random.nextInt(3)) {
            case 0 -> new ILifSpec(1 + random.nextInt(16), alpha, steps);
            case 1 -> new IbLifSpec(1 + random.nextInt(10), alpha, steps);
            default -> {
                int n = (int) Math.pow(10, 1 + random.nextInt(3));
                int bits = 2 + random.nextInt(10);
                yield new IbraLifSpec(((1 << bits) - 1) / (double) n, n, alpha, steps);
            }
        };
    }
}
