package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Add;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.MaxPool;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.runtime.SpikeRuntime.Mode;
import org.junit.jupiter.api.Test;

/**
 * The executors without weights, each alone against a direct computation: max pooling (the 2x2 fast path
 * and padded windows, one thread and split), global average pooling and flattening of real values and of
 * spikes (passed on as they are, their port saying how), and additions in input order.
 */
class ShapeExecutorsTest {

    @Test
    void maxPoolTakesEachWindowsMaximum() {
        SplittableRandom random = new SplittableRandom(10);
        Shape in = new Shape(3, 7, 6);
        float[] x = LoneOp.dyadic(random, in.size(), 4, 16);
        for (MaxPool pool : List.of(new MaxPool(2, 2, 0), new MaxPool(3, 2, 1), new MaxPool(3, 1, 1),
                new MaxPool(2, 1, 0))) {
            LoneOp op = new LoneOp(pool, Port.real(in), Map.of());
            Shape out = op.executor.output().shape();
            float[] expected = new float[out.size()];
            for (int c = 0; c < in.channels(); c++) {
                for (int oy = 0; oy < out.height(); oy++) {
                    for (int ox = 0; ox < out.width(); ox++) {
                        float best = Float.NEGATIVE_INFINITY;
                        for (int ky = 0; ky < pool.kernel(); ky++) {
                            for (int kx = 0; kx < pool.kernel(); kx++) {
                                int y = oy * pool.stride() - pool.padding() + ky;
                                int xx = ox * pool.stride() - pool.padding() + kx;
                                if (y >= 0 && y < in.height() && xx >= 0 && xx < in.width()) {
                                    best = Math.max(best, x[(c * in.height() + y) * in.width() + xx]);
                                }
                            }
                        }
                        expected[(c * out.height() + oy) * out.width() + ox] = best;
                    }
                }
            }
            for (boolean split : new boolean[] {false, true}) {
                assertArrayEquals(expected, op.run(op.context(Mode.SPIKE_DRIVEN, split, 1), Value.real(x)).real, 0f,
                        pool + (split ? " split" : ""));
            }
        }
    }

    @Test
    void globalAvgPoolAveragesRealValuesAndMarksSpikesAsPooled() {
        Shape in = new Shape(2, 2, 2);
        LoneOp real = new LoneOp(new GlobalAvgPool(), Port.real(in), Map.of());
        assertEquals(Port.real(Shape.flat(2)), real.executor.output());
        float[] x = {1, 2, 3, 6, -1, 0, 0.5f, 0.5f};
        assertArrayEquals(new float[] {3, 0}, real.run(real.context(Mode.DENSE, false, 1), Value.real(x)).real, 0f);
        IbLifSpec bits = new IbLifSpec(2, 0.25, 1);
        LoneOp spikes = new LoneOp(new GlobalAvgPool(), Port.spikes(in, bits, 1), Map.of());
        assertEquals(Port.spikes(Shape.flat(2), bits, 4), spikes.executor.output());
        Value v = LoneOp.spikes(new int[] {0, 1, 2, 3, 3, 2, 1, 0}, bits);
        assertSame(v, spikes.run(spikes.context(Mode.SPIKE_DRIVEN, false, 1), v), "the counts pass as they are");
    }

    @Test
    void flattenKeepsValuesAndEncoding() {
        Shape in = new Shape(2, 3, 1);
        LoneOp real = new LoneOp(new Flatten(), Port.real(in), Map.of());
        assertEquals(Port.real(Shape.flat(6)), real.executor.output());
        Value x = Value.real(new float[] {1, 2, 3, 4, 5, 6});
        assertSame(x, real.run(real.context(Mode.DENSE, false, 1), x));
        LifSpec lif = LifSpec.of(1);
        LoneOp spikes = new LoneOp(new Flatten(), Port.spikes(in, lif, 1), Map.of());
        assertEquals(Port.spikes(Shape.flat(6), lif, 1), spikes.executor.output());
    }

    @Test
    void addSumsInInputOrder() {
        Shape s = new Shape(1, 1, 3);
        LoneOp add = new LoneOp(new Add(), List.of(Port.real(s), Port.real(s), Port.real(s)), Map.of(), LifSpec.of(1));
        float[] a = {1e8f, 1, -2};
        float[] b = {-1e8f, 2, 0.5f};
        float[] c = {1, 3, 0.25f};
        StepContext step = add.context(Mode.SPIKE_DRIVEN, false, 1);
        float[] out = add.run(step, Value.real(a), Value.real(b), Value.real(c)).real;
        // (1e8 - 1e8) + 1 = 1, whereas 1e8 + (-1e8 + 1) would lose the 1.
        assertArrayEquals(new float[] {1, 6, -1.25f}, out, 0f);
        assertArrayEquals(new float[] {1e8f, 1, -2}, a, 0f, "inputs stay as they were");
    }
}
