package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.NeuronStep;
import org.ibrasnn.core.neuron.ReferenceNeuron;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.runtime.SpikeRuntime.Mode;
import org.junit.jupiter.api.Test;

/**
 * The neuron executor alone over several timesteps, against the core reference step function: counts,
 * bit-plane masks, the per-layer counters sized by the node's own activation (set on the node or inherited
 * from the network), and ReLU passing real values.
 */
class NeuronExecutorTest {

    private static final Shape SHAPE = new Shape(3, 5, 7);

    @Test
    void firesAsTheReferenceAndCountsWhatItEmits() {
        SplittableRandom random = new SplittableRandom(9);
        for (NeuronSpec spec : List.of(new IbraLifSpec(1.5, 10, 0.25, 3), new ILifSpec(4, 0.5, 2), LifSpec.of(3))) {
            for (Neuron op : List.of(new Neuron(), new Neuron(Optional.of(spec)))) {
                Activation network = op.activation().isPresent() ? new Relu() : spec;
                LoneOp neuron = new LoneOp(op, List.of(Port.real(SHAPE)), Map.of(), network);
                assertEquals(Port.spikes(SHAPE, spec, 1), neuron.executor.output());
                for (boolean split : new boolean[] {false, true}) {
                    check(spec, neuron, split, random);
                }
            }
        }
    }

    private static void check(NeuronSpec spec, LoneOp neuron, boolean split, SplittableRandom random) {
        int steps = spec.timesteps();
        int n = SHAPE.size();
        float[][] currents = new float[steps][n];
        for (float[] c : currents) {
            for (int i = 0; i < n; i++) {
                c[i] = (float) (random.nextGaussian() * spec.maxCount() / (spec instanceof IbraLifSpec r ? r.n() : 1));
            }
        }
        StepContext step = neuron.context(Mode.SPIKE_DRIVEN, split, steps);
        int[][] counts = new int[steps][];
        for (int t = 0; t < steps; t++) {
            step.t = t;
            Value v = neuron.run(step, Value.real(currents[t]));
            counts[t] = v.counts;
            for (int b = 0; b < spec.slotsPerStep() && neuron.executor.output().bitPlanes(); b++) {
                for (int i = 0; i < n; i++) {
                    assertEquals((counts[t][i] >>> b & 1) == 1, (v.events.plane(b)[i >>> 6] >>> i & 1) == 1);
                }
            }
        }
        long[] histogram = new long[spec.maxCount() + 1];
        long[] slots = new long[spec.slotsPerStep()];
        for (int i = 0; i < n; i++) {
            float[] own = new float[steps];
            for (int t = 0; t < steps; t++) {
                own[t] = currents[t][i];
            }
            List<NeuronStep> reference = ReferenceNeuron.forward(spec, own);
            for (int t = 0; t < steps; t++) {
                int s = reference.get(t).count();
                assertEquals(s, counts[t][i], spec.describe() + " neuron " + i + " step " + t);
                histogram[s]++;
                for (int k = 0; k < slots.length; k++) {
                    boolean one = neuron.executor.output().bitPlanes() ? (s >>> k & 1) == 1 : k < s;
                    slots[k] += one ? 1 : 0;
                }
            }
        }
        assertArrayEquals(histogram, step.counters.histograms[0], spec.describe());
        assertArrayEquals(slots, step.counters.slotOnes[0], spec.describe());
        assertEquals((long) steps * n, step.counters.neuronSteps[0]);
        assertTrue(histogram[0] < (long) steps * n, spec.describe() + " is silent");
    }

    @Test
    void reluPassesRealValues() {
        LoneOp relu = new LoneOp(new Neuron(), List.of(Port.real(Shape.flat(4))), Map.of(), new Relu());
        assertEquals(Port.real(Shape.flat(4)), relu.executor.output());
        Value v = relu.run(relu.context(Mode.SPIKE_DRIVEN, false, 1), Value.real(new float[] {-1, 0, 2.5f, -0f}));
        assertNull(v.counts);
        assertArrayEquals(new float[] {0, 0, 2.5f, 0}, v.real, 0f);
    }
}
