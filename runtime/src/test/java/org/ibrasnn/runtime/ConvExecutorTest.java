package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.runtime.SpikeRuntime.Mode;
import org.junit.jupiter.api.Test;

/**
 * The conv executor alone, against a direct convolution written out here, on seeded random dyadic weights
 * and integer counts (every sum exact, so any order of additions gives the same bits): spike-driven
 * (bit-planes, unary slots, binary), dense and real input, on one thread and split, with and without groups
 * (depthwise included), strides and padding; and its counts against synapses enumerated one by one.
 */
class ConvExecutorTest {

    private static final List<Conv> CONVS = List.of(
            new Conv(2, 4, 3, 1, 1, true),
            new Conv(4, 6, 3, 2, 1, 2, true),
            new Conv(3, 3, 3, 1, 1, 3, true),
            new Conv(4, 4, 5, 2, 2, 4, false),
            new Conv(6, 4, 1, 1, 0, 2, true),
            new Conv(4, 8, 2, 2, 0, 4, true),
            new Conv(2, 4, 3, 3, 0, 2, true));

    private static final List<NeuronSpec> ENCODINGS = List.of(new IbLifSpec(3, 0.25, 1), new ILifSpec(5, 0.25, 1),
            LifSpec.of(1));

    @Test
    void spikesGiveTheDirectConvolutionInEveryModeWithExactCounts() {
        SplittableRandom random = new SplittableRandom(3);
        for (Conv conv : CONVS) {
            Shape shape = new Shape(conv.in(), 7, 9);
            Map<String, Tensor> tensors = tensors(conv, random);
            for (NeuronSpec encoding : ENCODINGS) {
                int[] counts = LoneOp.counts(random, shape.size(), encoding.maxCount());
                float[] asFloats = new float[counts.length];
                for (int i = 0; i < counts.length; i++) {
                    asFloats[i] = counts[i];
                }
                float[] expected = direct(conv, tensors, shape, asFloats);
                LoneOp op = new LoneOp(conv, Port.spikes(shape, encoding, 1), tensors);
                for (Mode mode : Mode.values()) {
                    for (boolean split : new boolean[] {false, true}) {
                        String at = conv + " " + encoding.describe() + " " + mode + (split ? " split" : "");
                        StepContext step = op.context(mode, split, 1);
                        float[] out = op.run(step, LoneOp.spikes(counts, encoding)).real;
                        assertArrayEquals(expected, out, 0f, at);
                        long[] synapses = synapses(conv, shape, counts, encoding);
                        assertEquals(synapses[0], step.counters.events[0], at + " events");
                        assertEquals(synapses[1], step.counters.sops[0], at + " SOPs");
                        assertEquals(synapses[1], step.counters.sopsByStep[0][0], at + " SOPs at t = 0");
                        assertEquals(0, step.counters.macs[0], at + " MACs");
                        long sum = 0;
                        for (int c : counts) {
                            sum += c;
                        }
                        assertEquals((double) sum * macs(conv, shape) / counts.length, step.counters.literatureSops[0],
                                at + " literature SOPs");
                    }
                }
            }
        }
    }

    @Test
    void realInputGivesTheDirectConvolutionAndItsMacs() {
        SplittableRandom random = new SplittableRandom(4);
        for (Conv conv : CONVS) {
            Shape shape = new Shape(conv.in(), 8, 6);
            Map<String, Tensor> tensors = tensors(conv, random);
            float[] image = LoneOp.dyadic(random, shape.size(), 1, 64);
            float[] expected = direct(conv, tensors, shape, image);
            LoneOp op = new LoneOp(conv, Port.real(shape), tensors);
            for (Mode mode : Mode.values()) {
                for (boolean split : new boolean[] {false, true}) {
                    StepContext step = op.context(mode, split, 1);
                    assertArrayEquals(expected, op.run(step, Value.real(image)).real, 0f, conv + " " + mode);
                    assertEquals(macs(conv, shape), step.counters.macs[0], conv + " MACs");
                    assertEquals(0, step.counters.sops[0], conv + " SOPs");
                }
            }
        }
    }

    /** A depthwise 1x1 conv scales each channel by its own weight; a grouped one mixes only within groups. */
    @Test
    void handWorkedGroups() {
        Map<String, Tensor> depthwise = Map.of("x.weight", Tensor.of(new float[] {2, -1, 0.5f}, 3, 1, 1, 1),
                "x.bias", Tensor.of(new float[] {0, 1, 0}, 3));
        NeuronSpec bits = new IbLifSpec(2, 0.25, 1);
        LoneOp op = new LoneOp(new Conv(3, 3, 1, 1, 0, 3, true), Port.spikes(new Shape(3, 1, 2), bits, 1), depthwise);
        StepContext step = op.context(Mode.SPIKE_DRIVEN, false, 1);
        float[] out = op.run(step, LoneOp.spikes(new int[] {1, 3, 0, 2, 3, 0}, bits)).real;
        assertArrayEquals(new float[] {2, 6, 1, -1, 1.5f, 0}, out, 0f);
        // Each 1-bit reaches one output: 1 + 2 + 1 + 2 = 6 events and SOPs.
        assertEquals(6, step.counters.sops[0]);
        // Two groups of two: output 0 and 1 read inputs 0 and 1; outputs 2 and 3 read inputs 2 and 3.
        float[] w = {1, 2, 3, 4, 5, 6, 7, 8};
        op = new LoneOp(new Conv(4, 4, 1, 1, 0, 2, false), Port.spikes(new Shape(4, 1, 1), bits, 1),
                Map.of("x.weight", Tensor.of(w, 4, 2, 1, 1)));
        step = op.context(Mode.SPIKE_DRIVEN, false, 1);
        out = op.run(step, LoneOp.spikes(new int[] {1, 2, 3, 0}, bits)).real;
        assertArrayEquals(new float[] {1 + 2 * 2, 3 + 2 * 4, 3 * 5, 3 * 7}, out, 0f);
        // Events 1 + 1 + 2 = 4, each reaching the 2 outputs of its group.
        assertEquals(4, step.counters.events[0]);
        assertEquals(8, step.counters.sops[0]);
    }

    private static Map<String, Tensor> tensors(Conv conv, SplittableRandom random) {
        Map<String, int[]> shapes = conv.tensors();
        int[] w = shapes.get("weight");
        Map<String, Tensor> t = new HashMap<>();
        t.put("x.weight", Tensor.of(LoneOp.dyadic(random, w[0] * w[1] * w[2] * w[3], 1, 8), w));
        if (conv.bias()) {
            t.put("x.bias", Tensor.of(LoneOp.dyadic(random, conv.out(), 2, 4), conv.out()));
        }
        return t;
    }

    /** out[o][y][x] = bias[o] + sum over the group's inputs j and taps of w[o][j][ky][kx] in[g j][..]. */
    private static float[] direct(Conv c, Map<String, Tensor> tensors, Shape in, float[] x) {
        Shape out = c.outputShape(List.of(in));
        float[] w = tensors.get("x.weight").toArray();
        float[] b = c.bias() ? tensors.get("x.bias").toArray() : new float[c.out()];
        int k = c.kernel();
        int inG = c.in() / c.groups();
        int outG = c.out() / c.groups();
        float[] y = new float[out.size()];
        for (int o = 0; o < c.out(); o++) {
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    float sum = 0;
                    for (int j = 0; j < inG; j++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int iy = oy * c.stride() - c.padding() + ky;
                                int ix = ox * c.stride() - c.padding() + kx;
                                if (iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width()) {
                                    int ci = o / outG * inG + j;
                                    sum += w[((o * inG + j) * k + ky) * k + kx]
                                            * x[(ci * in.height() + iy) * in.width() + ix];
                                }
                            }
                        }
                    }
                    y[(o * out.height() + oy) * out.width() + ox] = sum + b[o];
                }
            }
        }
        return y;
    }

    /** Input events, and the synapses they reach summed over every (output, tap) pair inside the image. */
    private static long[] synapses(Conv c, Shape in, int[] counts, NeuronSpec encoding) {
        long events = 0;
        for (int s : counts) {
            events += encoding.events(s);
        }
        Shape out = c.outputShape(List.of(in));
        int k = c.kernel();
        int inG = c.in() / c.groups();
        int outG = c.out() / c.groups();
        long sops = 0;
        for (int o = 0; o < c.out(); o++) {
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    for (int j = 0; j < inG; j++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int iy = oy * c.stride() - c.padding() + ky;
                                int ix = ox * c.stride() - c.padding() + kx;
                                if (iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width()) {
                                    int ci = o / outG * inG + j;
                                    sops += encoding.events(counts[(ci * in.height() + iy) * in.width() + ix]);
                                }
                            }
                        }
                    }
                }
            }
        }
        return new long[] {events, sops};
    }

    private static long macs(Conv c, Shape in) {
        return c.macs(List.of(in), c.outputShape(List.of(in)));
    }
}
