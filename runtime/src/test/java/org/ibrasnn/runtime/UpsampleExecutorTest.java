package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Upsample;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.runtime.SpikeRuntime.Mode;
import org.junit.jupiter.api.Test;

/** Nearest-neighbour upsampling alone: each value copied into its square, spikes with masks for the larger map. */
class UpsampleExecutorTest {

    @Test
    void copiesEachRealValueIntoItsSquare() {
        LoneOp up = new LoneOp(new Upsample(2), Port.real(new Shape(2, 1, 2)), Map.of());
        assertEquals(Port.real(new Shape(2, 2, 4)), up.executor.output());
        float[] out = up.run(up.context(Mode.DENSE, false, 1), Value.real(new float[] {1, 2, 3, 4})).real;
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, out, 0f);
    }

    @Test
    void upsamplesSpikesByThreeAndRemakesTheirBitPlanes() {
        IbraLifSpec neuron = IbraLifSpec.paperDefault(1);
        Shape in = new Shape(3, 4, 5);
        int[] counts = LoneOp.counts(new SplittableRandom(8), in.size(), neuron.maxCount());
        LoneOp up = new LoneOp(new Upsample(3), List.of(Port.spikes(in, neuron, 1)), Map.of(), neuron);
        Value out = up.run(up.context(Mode.SPIKE_DRIVEN, false, 1), LoneOp.spikes(counts, neuron));
        int[] expected = new int[3 * 12 * 15];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 12; y++) {
                for (int x = 0; x < 15; x++) {
                    expected[(c * 12 + y) * 15 + x] = counts[(c * 4 + y / 3) * 5 + x / 3];
                }
            }
        }
        assertArrayEquals(expected, out.counts);
        Value reference = LoneOp.spikes(expected, neuron);
        for (int plane = 0; plane < neuron.slotsPerStep(); plane++) {
            assertArrayEquals(reference.events.plane(plane), out.events.plane(plane), "plane " + plane);
        }
    }

    @Test
    void refusesGloballyPooledSpikes() {
        IbraLifSpec neuron = IbraLifSpec.paperDefault(1);
        assertThrows(IllegalArgumentException.class, () -> new LoneOp(new Upsample(2),
                List.of(Port.spikes(Shape.flat(4), neuron, 9)), Map.of(), neuron));
    }
}
