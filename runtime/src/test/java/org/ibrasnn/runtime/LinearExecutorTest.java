package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.runtime.SpikeRuntime.Mode;
import org.junit.jupiter.api.Test;

/**
 * The linear executor alone, against the matrix product written out here (dyadic weights, integer counts,
 * so exact): on spikes in both modes, on real values, and on spikes a global average pool summarised, whose
 * mean over a power-of-two area stays exact.
 */
class LinearExecutorTest {

    private static final List<NeuronSpec> ENCODINGS = List.of(new IbLifSpec(3, 0.25, 1), new ILifSpec(4, 0.25, 1),
            LifSpec.of(1));

    @Test
    void spikesGiveTheProductInBothModesWithExactCounts() {
        SplittableRandom random = new SplittableRandom(5);
        Linear linear = new Linear(13, 5, true);
        Map<String, Tensor> tensors = tensors(linear, random);
        for (NeuronSpec encoding : ENCODINGS) {
            int[] counts = LoneOp.counts(random, 13, encoding.maxCount());
            float[] expected = product(tensors, 13, 5, counts, 1);
            LoneOp op = new LoneOp(linear, Port.spikes(Shape.flat(13), encoding, 1), tensors);
            long events = 0;
            for (int s : counts) {
                events += encoding.events(s);
            }
            for (Mode mode : Mode.values()) {
                StepContext step = op.context(mode, false, 1);
                assertArrayEquals(expected, op.run(step, LoneOp.spikes(counts, encoding)).real, 0f,
                        encoding.describe() + " " + mode);
                assertEquals(events, step.counters.events[0]);
                assertEquals(events * 5, step.counters.sops[0]);
                assertEquals(0, step.counters.macs[0]);
            }
        }
    }

    @Test
    void realInputGivesTheProductAndItsMacs() {
        SplittableRandom random = new SplittableRandom(6);
        Linear linear = new Linear(9, 4, false);
        Map<String, Tensor> tensors = tensors(linear, random);
        float[] x = LoneOp.dyadic(random, 9, 2, 16);
        LoneOp op = new LoneOp(linear, Port.real(Shape.flat(9)), tensors);
        StepContext step = op.context(Mode.SPIKE_DRIVEN, false, 1);
        float[] out = op.run(step, Value.real(x)).real;
        float[] w = tensors.get("x.weight").toArray();
        for (int o = 0; o < 4; o++) {
            float sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += w[o * 9 + i] * x[i];
            }
            assertEquals(sum, out[o], 0f);
        }
        assertEquals(36, step.counters.macs[0]);
    }

    /** GAP over spikes computes nothing; the linear reading it adds rows of w / area, one per channel. */
    @Test
    void pooledSpikesGiveTheProductOfTheChannelMeans() {
        SplittableRandom random = new SplittableRandom(8);
        for (Shape pooled : List.of(new Shape(3, 2, 2), new Shape(6, 4, 4), new Shape(2, 1, 1))) {
            int area = pooled.height() * pooled.width();
            Linear linear = new Linear(pooled.channels(), 7, true);
            Map<String, Tensor> tensors = tensors(linear, random);
            for (NeuronSpec encoding : ENCODINGS) {
                LoneOp gap = new LoneOp(new GlobalAvgPool(), Port.spikes(pooled, encoding, 1), Map.of());
                assertEquals(area, gap.executor.output().pooledArea());
                LoneOp op = new LoneOp(linear, gap.executor.output(), tensors);
                int[] counts = LoneOp.counts(random, pooled.size(), encoding.maxCount());
                float[] expected = product(tensors, pooled.channels(), 7, counts, area);
                long events = 0;
                for (int s : counts) {
                    events += encoding.events(s);
                }
                for (Mode mode : Mode.values()) {
                    StepContext step = op.context(mode, false, 1);
                    Value in = gap.run(gap.context(mode, false, 1), LoneOp.spikes(counts, encoding));
                    assertArrayEquals(expected, op.run(step, in).real, 0f,
                            pooled + " " + encoding.describe() + " " + mode);
                    assertEquals(events * 7, step.counters.sops[0], "every event reaches every output");
                }
            }
        }
    }

    private static Map<String, Tensor> tensors(Linear l, SplittableRandom random) {
        Map<String, Tensor> t = new HashMap<>();
        t.put("x.weight", Tensor.of(LoneOp.dyadic(random, l.in() * l.out(), 1, 8), l.out(), l.in()));
        if (l.bias()) {
            t.put("x.bias", Tensor.of(LoneOp.dyadic(random, l.out(), 2, 4), l.out()));
        }
        return t;
    }

    /** {@code b[o] + sum_f w[o][f] * mean of counts[f * area ..][area]}. */
    private static float[] product(Map<String, Tensor> tensors, int in, int out, int[] counts, int area) {
        float[] w = tensors.get("x.weight").toArray();
        float[] b = tensors.containsKey("x.bias") ? tensors.get("x.bias").toArray() : new float[out];
        float[] y = new float[out];
        for (int o = 0; o < out; o++) {
            float sum = 0;
            for (int f = 0; f < in; f++) {
                int total = 0;
                for (int p = 0; p < area; p++) {
                    total += counts[f * area + p];
                }
                sum += w[o * in + f] * total / area;
            }
            y[o] = sum + b[o];
        }
        return y;
    }
}
