package org.ibrasnn.core.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Validation of the neuron settings: bad values fail at construction, naming the values. */
class NeuronSpecTest {

    private static void rejects(Executable build, String... mentioned) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        for (String m : mentioned) {
            assertTrue(e.getMessage().contains(m), "message '" + e.getMessage() + "' should mention " + m);
        }
    }

    @Test
    void derivedSizes() {
        IbraLifSpec paper = IbraLifSpec.paperDefault(1);
        assertEquals(511, paper.maxCount());
        assertEquals(9, paper.bits());
        assertEquals(9, paper.slotsPerStep());
        IbraLifSpec small = new IbraLifSpec(1.5, 10, 0.25, 1);
        assertEquals(15, small.maxCount());
        assertEquals(4, small.bits());
        assertEquals(4, IbLifSpec.ofD(15, 0.25, 1).bits());
        assertEquals(4, new ILifSpec(4, 0.25, 2).slotsPerStep());
        assertEquals(8, new ILifSpec(4, 0.25, 2).virtualSteps(), "T x D virtual steps");
        assertEquals(18, IbraLifSpec.paperDefault(2).virtualSteps(), "T x B virtual steps");
        assertEquals(0.01f, paper.unit(), 0f);
    }

    @Test
    void rejectsBadClippingAndRange() {
        rejects(() -> new IbraLifSpec(0, 100, 0.25, 1), "D=0.0");
        rejects(() -> new IbraLifSpec(-1.5, 10, 0.25, 1), "D=-1.5");
        rejects(() -> new IbraLifSpec(1.5, 0, 0.25, 1), "N=0");
        rejects(() -> new IbraLifSpec(1.5, -10, 0.25, 1), "N=-10");
        rejects(() -> new IbraLifSpec(5.111, 100, 0.25, 1), "D=5.111", "N=100", "D*N=511.1");
        rejects(() -> new ILifSpec(0, 0.25, 1), "D=0");
        rejects(() -> IbLifSpec.ofD(10, 0.25, 1), "D=10");
    }

    @Test
    void rejectsBadAlphaAndTimesteps() {
        for (double alpha : new double[] {0, -0.1, 1.5, Double.NaN}) {
            rejects(() -> new IbraLifSpec(5.11, 100, alpha, 1), "alpha=" + alpha);
            rejects(() -> new LifSpec(1, ResetMode.SOFT, 2, alpha, 1), "alpha=" + alpha);
        }
        rejects(() -> new IbraLifSpec(5.11, 100, 0.25, 0), "T=0");
        rejects(() -> new ILifSpec(4, 0.25, -2), "T=-2");
        rejects(() -> LifSpec.of(0), "T=0");
        rejects(() -> new LifSpec(0, ResetMode.SOFT, 2, 0.25, 1), "V_th=0.0");
    }

    @Test
    void referenceNeedsOneCurrentPerTimestep() {
        rejects(() -> ReferenceNeuron.forward(LifSpec.of(4), new float[3]), "T=4", "3");
    }

    @Test
    void codecsRejectOutOfRangeCountsAndBadSlots() {
        SpikeCodec planes = SpikeCodec.of(new IbLifSpec(3, 0.25, 1));
        rejects(() -> planes.encode(8), "count 8", "[0, 7]");
        rejects(() -> planes.encode(-1), "count -1");
        rejects(() -> planes.decode(new int[] {1, 0}), "expected 3 slots");
        rejects(() -> planes.decode(new int[] {1, 2, 0}), "slot 1 holds 2");
    }
}
