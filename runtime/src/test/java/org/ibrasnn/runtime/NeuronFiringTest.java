package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.NeuronStep;
import org.ibrasnn.core.neuron.ReferenceNeuron;
import org.ibrasnn.core.neuron.ResetMode;
import org.junit.jupiter.api.Test;

/**
 * The runtime fires its neurons with its own loop (one layer at a time, membranes in place); it must give the
 * counts and membranes of the core reference step function bit for bit, for every setting, over several
 * timesteps, with currents that land exactly on rounding ties (k + 0.5) / N and on the LIF threshold.
 */
class NeuronFiringTest {

    private static final int NEURONS = 4000;

    @Test
    void everySettingFiresAsTheReferenceStepFunction() {
        List<NeuronSpec> settings = List.of(LifSpec.of(4), new LifSpec(0.5, ResetMode.HARD, 4.0, 0.5, 3),
                new ILifSpec(4, 0.25, 4), new IbLifSpec(4, 0.25, 3), new IbraLifSpec(1.5, 10, 0.25, 4),
                IbraLifSpec.paperDefault(3), new IbraLifSpec(5.11, 100, 0.5, 1));
        SplittableRandom random = new SplittableRandom(17);
        for (NeuronSpec spec : settings) {
            int steps = spec.timesteps();
            float[][] currents = new float[steps][NEURONS];
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < NEURONS; i++) {
                    currents[t][i] = current(spec, random);
                }
            }
            float[] membrane = new float[NEURONS];
            int[][] counts = new int[steps][NEURONS];
            float[][] membranes = new float[steps][];
            for (int t = 0; t < steps; t++) {
                NeuronExecutor.fire(spec, currents[t], membrane, t, counts[t], 0, NEURONS);
                membranes[t] = membrane.clone();
            }
            for (int i = 0; i < NEURONS; i++) {
                float[] own = new float[steps];
                for (int t = 0; t < steps; t++) {
                    own[t] = currents[t][i];
                }
                List<NeuronStep> reference = ReferenceNeuron.forward(spec, own);
                for (int t = 0; t < steps; t++) {
                    String at = spec.describe() + ", neuron " + i + ", step " + t + ", current " + own[t];
                    assertEquals(reference.get(t).count(), counts[t][i], at);
                    assertEquals(Float.floatToIntBits(reference.get(t).vAfter()), Float.floatToIntBits(membranes[t][i]),
                            at);
                }
            }
        }
    }

    /** Gaussian currents, a quarter of them on a rounding tie or on the LIF threshold. */
    private static float current(NeuronSpec spec, SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            return switch (spec) {
                case LifSpec lif -> (float) lif.threshold();
                case org.ibrasnn.core.neuron.CountingNeuronSpec c -> (random.nextInt(c.maxCount() + 2) + 0.5f) / c.n();
            };
        }
        return (float) (random.nextGaussian() * 2);
    }
}
