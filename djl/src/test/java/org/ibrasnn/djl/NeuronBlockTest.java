package org.ibrasnn.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.NeuronStep;
import org.ibrasnn.core.neuron.ReferenceNeuron;
import org.ibrasnn.core.neuron.ResetMode;
import org.junit.jupiter.api.Test;

/**
 * The DJL neuron block against the pure reference step functions, for every setting at T = 1 and T = 4:
 * forward values must agree bit for bit (same float32 operations in the same order); input gradients
 * through time must agree to 1e-6 (the ATan surrogate is evaluated in float32 by libtorch and in double
 * by the reference, then rounded).
 */
class NeuronBlockTest {

    private static final int NEURONS = 257;

    @Test
    void matchesReferenceForEverySetting() {
        for (int steps : new int[] {1, 4}) {
            List<NeuronSpec> specs = List.of(new LifSpec(1.0, ResetMode.SOFT, 2.0, 0.25, steps),
                    new LifSpec(0.75, ResetMode.HARD, 4.0, 0.5, steps), new ILifSpec(4, 0.25, steps),
                    new IbLifSpec(4, 0.25, steps), IbraLifSpec.paperDefault(steps),
                    new IbraLifSpec(1.5, 10, 0.75, steps));
            for (NeuronSpec spec : specs) {
                check(spec, steps);
            }
        }
    }

    private static void check(NeuronSpec spec, int steps) {
        SplittableRandom random = new SplittableRandom(steps * 31L + spec.kind().hashCode());
        float[] currents = new float[steps * NEURONS];
        float[] upstream = new float[steps * NEURONS];
        for (int i = 0; i < currents.length; i++) {
            // Mix of exact ties (k/2N), values beyond D and negatives, and plain random values.
            currents[i] = i % 7 == 0 ? (random.nextInt(40) - 8) / 20f : (float) (random.nextGaussian() * 2);
            upstream[i] = (float) random.nextGaussian();
        }
        float[] output;
        float[] inputGrad;
        try (NDManager manager = NDManager.newBaseManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray x = manager.create(currents, new Shape(steps, NEURONS));
            x.setRequiresGradient(true);
            NDArray y = new NeuronBlock(spec).forward(new ParameterStore(manager, false), new NDList(x), true)
                    .singletonOrThrow();
            collector.backward(y.mul(manager.create(upstream, new Shape(steps, NEURONS))).sum());
            output = y.toFloatArray();
            inputGrad = x.getGradient().toFloatArray();
        }
        for (int n = 0; n < NEURONS; n++) {
            float[] in = new float[steps];
            float[] g = new float[steps];
            for (int t = 0; t < steps; t++) {
                in[t] = currents[t * NEURONS + n];
                g[t] = upstream[t * NEURONS + n];
            }
            List<NeuronStep> trace = ReferenceNeuron.forward(spec, in);
            float[] expectedGrad = ReferenceNeuron.backward(spec, trace, g);
            for (int t = 0; t < steps; t++) {
                String where = spec.describe() + " neuron " + n + " t=" + t + " input " + in[t];
                assertEquals(trace.get(t).output(), output[t * NEURONS + n], 0f, where);
                assertEquals(expectedGrad[t], inputGrad[t * NEURONS + n], 1e-6f * (1 + Math.abs(expectedGrad[t])), where);
            }
        }
    }
}
