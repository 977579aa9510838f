package org.ibrasnn.runtime;

import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.runtime.SpikeRuntime.Mode;

/**
 * A convolution, computed by scattering: each input value (or event) adds its kernel slice into every
 * output position its window reaches, into channel-last accumulators that are combined once per output
 * neuron. Spike-driven bit-planes go one plane at a time, each into its own accumulator; unary slots add
 * the slice once per slot; real inputs and the dense check multiply it by the value. Weights are kept in
 * {@code [inC][k][k][groupOut]} order, the kernel columns mirrored (see {@link ConvGeometry}).
 */
final class ConvExecutor implements Executor {

    private final int stat;
    private final ConvGeometry g;
    private final Port in;
    private final Port out;
    private final float[] weights;
    private final float[] bias;

    ConvExecutor(Compiler.Site site) {
        Conv c = (Conv) site.node().op();
        in = site.input();
        g = new ConvGeometry(c, in.shape(), Runtime.getRuntime().availableProcessors());
        float[] oihw = site.tensor("weight");
        weights = new float[oihw.length];
        int k = c.kernel();
        for (int o = 0; o < g.outC; o++) {
            int group = o / g.groupOut;
            for (int j = 0; j < g.groupIn; j++) {
                int i = group * g.groupIn + j;
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        weights[(i * k * k + g.weightIndex(ky, kx)) * g.groupOut + o - group * g.groupOut] =
                                oihw[((o * g.groupIn + j) * k + ky) * k + kx];
                    }
                }
            }
        }
        bias = site.bias(c.bias(), g.outC);
        out = Port.real(g.outputShape());
        stat = site.weightStat(Conv.TYPE);
    }

    @Override
    public Port output() {
        return out;
    }

    @Override
    public Value run(Value[] inputs, StepContext step) {
        Value v = inputs[0];
        int positions = g.outH * g.outW;
        float[] result = new float[positions * g.outC];
        int planes = step.planes(in);
        if (step.splitImage && planes > 1) {
            // part 0 counts; part 1 + b allocates and fills plane b (low planes, the busiest, are claimed first)
            float[][] acc = new float[planes][];
            int first = step.counting ? 0 : 1;
            SplitRunner.shared().run(acc.length + 1 - first, k -> {
                int plane = k + first - 1;
                if (plane < 0) {
                    count(v, step);
                } else {
                    acc[plane] = new float[positions * g.outC];
                    sendPlane(v.events, plane, acc[plane], g.taps(false, 0));
                }
            });
            SplitRunner.shared().run(g.bands(), b -> Accumulators.combine(acc, bias, positions, g.outC,
                    g.bandRows(b) * g.outW, g.bandRows(b + 1) * g.outW, result));
            return Value.real(result);
        }
        float[][] acc = new float[planes][positions * g.outC];
        if (step.counting) {
            count(v, step);
        }
        if (step.splitImage && g.bands() > 1) {
            SplitRunner.shared().run(g.bands(), b -> {
                accumulate(v, step, acc, g.taps(true, b));
                Accumulators.combine(acc, bias, positions, g.outC, g.bandRows(b) * g.outW, g.bandRows(b + 1) * g.outW,
                        result);
            });
        } else {
            accumulate(v, step, acc, g.taps(false, 0));
            Accumulators.combine(acc, bias, positions, g.outC, 0, positions, result);
        }
        return Value.real(result);
    }

    /** Counts the MACs, or the events and SOPs (an event reaches only its group's output channels). */
    private void count(Value v, StepContext step) {
        if (!v.isSpikes()) {
            step.counters.weighted(stat, step.t, v, g.denseMacs(), 0, 0);
            return;
        }
        boolean bitPlanes = in.bitPlanes();
        long events = 0;
        long sops = 0;
        for (int ci = 0, i = 0; ci < g.inC; ci++) {
            for (int p = 0; p < g.inH * g.inW; p++, i++) {
                int s = v.counts[i];
                if (s != 0) {
                    int e = bitPlanes ? Integer.bitCount(s) : s;
                    events += e;
                    sops += (long) e * g.fanout(p);
                }
            }
        }
        step.counters.weighted(stat, step.t, v, g.denseMacs(), events, sops);
    }

    /** The accumulation through the given runs (all output rows, or one band of them). */
    private void accumulate(Value v, StepContext step, float[][] acc, int[][][] taps) {
        if (v.isSpikes() && step.sendsPlanes(in)) {
            for (int plane = 0; plane < acc.length; plane++) {
                sendPlane(v.events, plane, acc[plane], taps);
            }
            return;
        }
        int positions = g.inH * g.inW;
        int sliceSize = g.kernel * g.kernel * g.groupOut;
        for (int ci = 0, i = 0; ci < g.inC; ci++) {
            int slice = ci * sliceSize;
            int[][] channelTaps = taps[ci / g.groupIn];
            for (int p = 0; p < positions; p++, i++) {
                if (!v.isSpikes()) {
                    if (v.real[i] != 0f) {
                        scatterScaled(acc[0], channelTaps[p], weights, slice, v.real[i]);
                    }
                } else if (step.mode == Mode.DENSE) {
                    if (v.counts[i] != 0) {
                        scatterScaled(acc[0], channelTaps[p], weights, slice, v.counts[i]);
                    }
                } else {
                    for (int k = 0; k < v.counts[i]; k++) {
                        scatter(acc[0], channelTaps[p], weights, slice);
                    }
                }
            }
        }
    }

    /**
     * Spike-driven bit-plane {@code plane} into its own accumulator (which stays in cache): each neuron on
     * the plane's mask adds its kernel slice once, a pure accumulate.
     */
    private void sendPlane(PlaneEvents events, int plane, float[] acc, int[][][] taps) {
        float[] w = weights;
        int positions = g.inH * g.inW;
        int sliceSize = g.kernel * g.kernel * g.groupOut;
        long[] mask = events.plane(plane);
        int ci = 0;
        int channelEnd = positions;
        int[][] channelTaps = taps[0];
        for (int k = 0; k < mask.length; k++) {
            for (long m = mask[k]; m != 0; m &= m - 1) {
                int i = (k << 6) + Long.numberOfTrailingZeros(m);
                while (i >= channelEnd) {
                    ci++;
                    channelEnd += positions;
                    channelTaps = taps[ci / g.groupIn];
                }
                scatter(acc, channelTaps[i - channelEnd + positions], w, ci * sliceSize);
            }
        }
    }

    /** Accumulates one event: the kernel slice into every output position its window reaches. */
    private static void scatter(float[] acc, int[] taps, float[] w, int slice) {
        for (int j = 0; j < taps.length; j += 3) {
            Kernels.add(acc, taps[j], w, slice + taps[j + 1], taps[j + 2]);
        }
    }

    /** The dense counterpart of {@link #scatter}: the slice times {@code value}. */
    private static void scatterScaled(float[] acc, int[] taps, float[] w, int slice, float value) {
        for (int j = 0; j < taps.length; j += 3) {
            Kernels.axpy(acc, taps[j], w, slice + taps[j + 1], taps[j + 2], value);
        }
    }
}
