package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Concat;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.runtime.SpikeRuntime.Mode;
import org.junit.jupiter.api.Test;

/** Channel concatenation alone: real values and spikes joined in input order, masks made for the joined layout. */
class ConcatExecutorTest {

    @Test
    void joinsRealValuesChannelByChannel() {
        Shape a = new Shape(1, 2, 2);
        Shape b = new Shape(2, 2, 2);
        LoneOp cat = new LoneOp(new Concat(), List.of(Port.real(a), Port.real(b)), Map.of(), LifSpec.of(1));
        assertEquals(Port.real(new Shape(3, 2, 2)), cat.executor.output());
        float[] out = cat.run(cat.context(Mode.SPIKE_DRIVEN, false, 1), Value.real(new float[] {1, 2, 3, 4}),
                Value.real(new float[] {5, 6, 7, 8, 9, 10, 11, 12})).real;
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, out, 0f);
    }

    @Test
    void joinsSpikesAndRemakesTheirBitPlanes() {
        IbLifSpec bits = new IbLifSpec(3, 0.25, 1);
        SplittableRandom random = new SplittableRandom(4);
        Shape a = new Shape(3, 5, 7);
        Shape b = new Shape(2, 5, 7);
        int[] ca = LoneOp.counts(random, a.size(), 7);
        int[] cb = LoneOp.counts(random, b.size(), 7);
        LoneOp cat = new LoneOp(new Concat(), List.of(Port.spikes(a, bits, 1), Port.spikes(b, bits, 1)), Map.of(),
                bits);
        assertEquals(Port.spikes(new Shape(5, 5, 7), bits, 1), cat.executor.output());
        Value out = cat.run(cat.context(Mode.SPIKE_DRIVEN, false, 1), LoneOp.spikes(ca, bits), LoneOp.spikes(cb, bits));
        int[] joined = new int[a.size() + b.size()];
        System.arraycopy(ca, 0, joined, 0, ca.length);
        System.arraycopy(cb, 0, joined, ca.length, cb.length);
        assertArrayEquals(joined, out.counts);
        Value reference = LoneOp.spikes(joined, bits);
        for (int plane = 0; plane < bits.slotsPerStep(); plane++) {
            assertArrayEquals(reference.events.plane(plane), out.events.plane(plane), "plane " + plane);
        }
        Value dense = cat.run(cat.context(Mode.DENSE, false, 1), LoneOp.spikes(ca, bits), LoneOp.spikes(cb, bits));
        assertArrayEquals(joined, dense.counts);
        assertNull(dense.events, "the dense check multiplies counts and needs no masks");
    }

    @Test
    void refusesMixedKindsOrNeuronSettings() {
        Shape s = new Shape(1, 2, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> new LoneOp(new Concat(),
                List.of(Port.spikes(s, IbraLifSpec.paperDefault(1), 1), Port.spikes(s, new IbLifSpec(3, 0.25, 1), 1)),
                Map.of(), LifSpec.of(1)));
        assertTrue(e.getMessage().contains("concat x") && e.getMessage().contains("neuron settings"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LoneOp(new Concat(),
                List.of(Port.real(s), Port.spikes(s, LifSpec.of(1), 1)), Map.of(), LifSpec.of(1)));
    }
}
