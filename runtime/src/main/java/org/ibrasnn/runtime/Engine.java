package org.ibrasnn.runtime;

import java.util.Arrays;
import java.util.List;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.CountingNeuronSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.neuron.ResetMode;
import org.ibrasnn.core.neuron.SpikeEncoding;
import org.ibrasnn.runtime.SpikeRuntime.Mode;

/**
 * Runs one image at a time (one engine per thread). Neurons keep their membrane across the T timesteps.
 * In {@link Mode#SPIKE_DRIVEN} a conv or linear layer fed by neurons visits only the 1-slots of the spike
 * encoding and adds the weights they reach into one accumulator per slot weight (2^b for bit-planes);
 * the accumulators are combined once per output neuron and the bias is added once per timestep. In
 * {@link Mode#DENSE} the same layers multiply weights by the integer counts, for checking.
 */
final class Engine {

    private final Compiler.Program program;
    private final Activation activation;
    private final Shape input;
    private final Shape stepInput;
    private final int steps;
    private final boolean frames;
    private final Mode mode;
    private final float[][] membranes;
    private final int slots;
    private final boolean bitPlanes;
    private final NeuronProbe probe;
    private final boolean splitImage;
    private final boolean counting;
    final Counters counters;

    /** Sees the real-valued input of every neuron layer at every timestep, before the neuron fires. */
    interface NeuronProbe {
        void accept(int stat, float[] input);
    }

    /**
     * {@code splitImage}: each conv runs its bit-planes (or bands of its output rows) on parallel threads,
     * for single images; the sums and their order stay those of one thread. {@code counting}: fill
     * {@link #counters} (operations, spikes, histograms); off when only the outputs are wanted.
     */
    Engine(Compiler.Program program, ModelSpec spec, Mode mode, boolean splitImage, boolean counting) {
        this(program, spec, mode, splitImage, counting, null);
    }

    Engine(Compiler.Program program, ModelSpec spec, Mode mode, boolean splitImage, boolean counting,
           NeuronProbe probe) {
        this.program = program;
        this.probe = probe;
        this.counting = counting;
        this.splitImage = splitImage;
        this.activation = spec.activation();
        this.input = spec.input();
        this.stepInput = spec.stepInput();
        this.steps = spec.steps();
        this.frames = spec.inputFrames() > 1;
        this.mode = mode;
        this.membranes = new float[program.states()][];
        for (int i = 0; i < membranes.length; i++) {
            membranes[i] = new float[program.stateSizes().get(i)];
        }
        this.slots = activation instanceof NeuronSpec n ? n.slotsPerStep() : 1;
        this.bitPlanes = activation instanceof NeuronSpec n && n.encoding() == SpikeEncoding.BIT_PLANES;
        this.counters = new Counters(program.stats().size(), slots, histogramBins(activation), steps);
    }

    /** Bins of the emitted-count histograms: one per count 0..D*N, at most {@value #MAX_BINS}. */
    static int histogramBins(Activation activation) {
        return activation instanceof NeuronSpec n ? (int) Math.min(MAX_BINS, n.maxCount() + 1L) : 1;
    }

    static final int MAX_BINS = 1 << 13;

    /** The outputs of one image (CHW floats; with input frames, frame t at timestep t), averaged over the timesteps. */
    float[] outputs(float[] image) {
        if (image.length != input.size()) {
            throw new IllegalArgumentException("input has " + image.length + " values but the model expects "
                    + input + " = " + input.size());
        }
        for (float[] m : membranes) {
            Arrays.fill(m, 0f);
        }
        float[] sum = null;
        for (int t = 0; t < steps; t++) {
            float[] step = frames ? Arrays.copyOfRange(image, t * stepInput.size(), (t + 1) * stepInput.size()) : image;
            float[] out = run(program.nodes(), Value.real(stepInput, step), t).real;
            if (sum == null) {
                sum = out;
            } else {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += out[i];
                }
            }
        }
        if (steps > 1) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= steps;
            }
        }
        return sum;
    }

    private Value run(List<Node> nodes, Value v, int t) {
        for (Node node : nodes) {
            v = switch (node) {
                case Node.Conv c -> conv(c, v, t);
                case Node.Linear l -> linear(l, v, t);
                case Node.Neuron n -> neuron(n, v, t);
                case Node.MaxPool p -> maxPool(p, v, splitImage);
                case Node.GlobalAvgPool g -> globalAvgPool(g, v);
                case Node.Flatten f -> v.isSpikes() ? Value.spikes(Shape.flat(v.shape.size()), v.counts, v.pooledArea,
                        v.events)
                        : Value.real(Shape.flat(v.shape.size()), v.real);
                case Node.Residual r -> residual(r, v, t);
            };
        }
        return v;
    }

    private Value residual(Node.Residual r, Value x, int t) {
        Value spikes = neuron(r.entry(), x, t);
        float[] body = run(r.body(), spikes, t).real;
        float[] shortcut = r.projection().isEmpty() ? x.real : run(r.projection(), spikes, t).real;
        float[] out = new float[body.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = body[i] + shortcut[i];
        }
        return Value.real(x.shape, out);
    }

    private Value neuron(Node.Neuron n, Value in, int t) {
        float[] x = in.real;
        float[] v = membranes[n.state()];
        counters.neuronSteps[n.stat()] += x.length;
        if (probe != null) {
            probe.accept(n.stat(), x);
        }
        return switch (activation) {
            case Relu r -> {
                float[] out = new float[x.length];
                for (int i = 0; i < x.length; i++) {
                    out[i] = Math.max(0f, x[i]);
                }
                yield Value.real(in.shape, out);
            }
            case NeuronSpec spec -> {
                int[] counts = new int[x.length];
                PlaneEvents events = mode == Mode.SPIKE_DRIVEN && bitPlanes ? PlaneEvents.empty(x.length, slots) : null;
                if (splitImage) {
                    SplitRunner.shared().run(2, k -> {
                        fire(spec, x, v, t, counts, PlaneEvents.partStart(x.length, k, 2),
                                PlaneEvents.partStart(x.length, k + 1, 2));
                        if (events != null) {
                            events.fill(counts, k, 2);
                        }
                    });
                } else {
                    fire(spec, x, v, t, counts, 0, x.length);
                    if (events != null) {
                        events.fill(counts, 0, 1);
                    }
                }
                if (counting) {
                    long[] histogram = counters.histograms[n.stat()];
                    for (int s : counts) {
                        histogram[Math.min(s, histogram.length - 1)]++;
                        countSlots(s, counters.slotOnes[n.stat()]);
                    }
                }
                yield Value.spikes(in.shape, counts, 1, events);
            }
        };
    }

    /** One timestep of neurons {@code [from, to)} of a layer, exactly as the reference step function. */
    static void fire(NeuronSpec spec, float[] x, float[] v, int t, int[] counts, int from, int to) {
        float alpha = (float) spec.alpha();
        switch (spec) {
            case LifSpec lif -> {
                float threshold = (float) lif.threshold();
                boolean soft = lif.reset() == ResetMode.SOFT;
                for (int i = from; i < to; i++) {
                    float vPre = t == 0 ? x[i] : alpha * v[i] + x[i];
                    int s = vPre >= threshold ? 1 : 0;
                    v[i] = soft ? vPre - threshold * s : (s == 1 ? 0f : vPre);
                    counts[i] = s;
                }
            }
            case CountingNeuronSpec c -> {
                float n = c.n();
                int max = c.maxCount();
                for (int i = from; i < to; i++) {
                    float vPre = t == 0 ? x[i] : alpha * v[i] + x[i];
                    int s = (int) Math.max(0, Math.min(max, Math.rint(vPre * n)));
                    v[i] = vPre - s / n;
                    counts[i] = s;
                }
            }
        }
    }

    private void countSlots(int s, long[] ones) {
        if (bitPlanes) {
            for (int bits = s; bits != 0; bits &= bits - 1) {
                ones[Integer.numberOfTrailingZeros(bits)]++;
            }
        } else {
            for (int k = 0; k < s; k++) {
                ones[k]++;
            }
        }
    }

    private Value conv(Node.Conv c, Value in, int t) {
        ConvGeometry g = c.geometry();
        int positions = g.outH * g.outW;
        float[] out = new float[positions * g.outC];
        float[] bias = c.bias().values;
        if (splitImage && planes(in) > 1) {
            // part 0 counts; part 1 + b allocates and fills plane b (low planes, the busiest, are claimed first)
            float[][] acc = new float[planes(in)][];
            int first = counting ? 0 : 1;
            SplitRunner.shared().run(acc.length + 1 - first, k -> {
                int plane = k + first - 1;
                if (plane < 0) {
                    count(c, in, t);
                } else {
                    acc[plane] = new float[positions * g.outC];
                    sendPlane(c, in.events, plane, acc[plane], g.taps(false, 0));
                }
            });
            SplitRunner.shared().run(g.bands(), b -> combine(acc, bias, positions, g.outC, g.bandRows(b) * g.outW,
                    g.bandRows(b + 1) * g.outW, out));
            return Value.real(g.outputShape(), out);
        }
        float[][] acc = new float[planes(in)][positions * g.outC];
        count(c, in, t);
        if (splitImage && g.bands() > 1) {
            SplitRunner.shared().run(g.bands(), b -> {
                accumulate(c, in, acc, g.taps(true, b));
                combine(acc, bias, positions, g.outC, g.bandRows(b) * g.outW, g.bandRows(b + 1) * g.outW, out);
            });
        } else {
            accumulate(c, in, acc, g.taps(false, 0));
            combine(acc, bias, positions, g.outC, 0, positions, out);
        }
        return Value.real(g.outputShape(), out);
    }

    /** Counts a conv's MACs, or its events and SOPs. */
    private void count(Node.Conv c, Value in, int t) {
        ConvGeometry g = c.geometry();
        if (!counting) {
            return;
        }
        if (!in.isSpikes()) {
            count(c.stat(), t, in, g.denseMacs(), 0, 0);
            return;
        }
        long events = 0;
        long sops = 0;
        for (int ci = 0, i = 0; ci < g.inC; ci++) {
            for (int p = 0; p < g.inH * g.inW; p++, i++) {
                int s = in.counts[i];
                if (s != 0) {
                    int e = bitPlanes ? Integer.bitCount(s) : s;
                    events += e;
                    sops += (long) e * g.fanout(p);
                }
            }
        }
        count(c.stat(), t, in, g.denseMacs(), events, sops);
    }

    /**
     * A conv's accumulation through the given runs (all output rows, or one band of them). Real inputs and
     * the dense check multiply the kernel slice by the value; spike-driven bit-planes go one plane at a
     * time; unary slots add the kernel slice once per slot.
     */
    private void accumulate(Node.Conv c, Value in, float[][] acc, int[][] taps) {
        if (in.isSpikes() && mode == Mode.SPIKE_DRIVEN && bitPlanes) {
            for (int plane = 0; plane < acc.length; plane++) {
                sendPlane(c, in.events, plane, acc[plane], taps);
            }
            return;
        }
        ConvGeometry g = c.geometry();
        float[] w = c.weights().values;
        int positions = g.inH * g.inW;
        int sliceSize = g.kernel * g.kernel * g.outC;
        for (int ci = 0, i = 0; ci < g.inC; ci++) {
            int slice = ci * sliceSize;
            for (int p = 0; p < positions; p++, i++) {
                if (!in.isSpikes()) {
                    if (in.real[i] != 0f) {
                        scatterScaled(acc[0], taps[p], w, slice, in.real[i]);
                    }
                } else if (mode == Mode.DENSE) {
                    if (in.counts[i] != 0) {
                        scatterScaled(acc[0], taps[p], w, slice, in.counts[i]);
                    }
                } else {
                    for (int k = 0; k < in.counts[i]; k++) {
                        scatter(acc[0], taps[p], w, slice);
                    }
                }
            }
        }
    }

    /**
     * Spike-driven bit-plane {@code plane} into its own accumulator (which stays in cache): each neuron on
     * the plane's mask adds its kernel slice once, a pure accumulate.
     */
    private static void sendPlane(Node.Conv c, PlaneEvents events, int plane, float[] acc, int[][] taps) {
        ConvGeometry g = c.geometry();
        float[] w = c.weights().values;
        int positions = g.inH * g.inW;
        int sliceSize = g.kernel * g.kernel * g.outC;
        long[] mask = events.plane(plane);
        int ci = 0;
        int channelEnd = positions;
        for (int k = 0; k < mask.length; k++) {
            for (long m = mask[k]; m != 0; m &= m - 1) {
                int i = (k << 6) + Long.numberOfTrailingZeros(m);
                while (i >= channelEnd) {
                    ci++;
                    channelEnd += positions;
                }
                scatter(acc, taps[i - channelEnd + positions], w, ci * sliceSize);
            }
        }
    }

    private Value linear(Node.Linear l, Value in, int t) {
        int out = l.out();
        float[][] acc = new float[planes(in)][out];
        long events = 0;
        if (!in.isSpikes()) {
            float[] w = l.weights().values;
            for (int f = 0; f < l.in(); f++) {
                float value = in.real[f];
                if (value != 0f) {
                    Kernels.axpy(acc[0], 0, w, f * out, out, value);
                }
            }
        } else {
            boolean pooled = in.pooledArea > 1;
            float[] w = pooled ? l.pooledWeights().values : l.weights().values;
            if (mode == Mode.SPIKE_DRIVEN && bitPlanes) {
                for (int plane = 0; plane < acc.length; plane++) {
                    int[] rows = in.events.rows(plane, pooled ? in.pooledArea : 1, out);
                    Kernels.addRows(acc[plane], w, rows, out);
                    events += rows.length;
                }
            } else {
                for (int i = 0; i < in.counts.length; i++) {
                    int s = in.counts[i];
                    if (s == 0) {
                        continue;
                    }
                    int row = (pooled ? i / in.pooledArea : i) * out;
                    if (mode == Mode.DENSE) {
                        Kernels.axpy(acc[0], 0, w, row, out, s);
                        events += events(s);
                    } else {
                        for (int k = 0; k < s; k++) {
                            Kernels.add(acc[0], 0, w, row, out);
                        }
                        events += s;
                    }
                }
            }
        }
        count(l.stat(), t, in, (long) l.in() * out, events, events * out);
        return Value.real(Shape.flat(out), combine(acc, l.bias().values, 1, out));
    }

    private int events(int s) {
        return activation instanceof NeuronSpec n ? n.events(s) : 1;
    }

    /** Accumulators a layer fed by {@code in} needs: one per bit-plane when spike-driven, else one. */
    private int planes(Value in) {
        return in.isSpikes() && mode == Mode.SPIKE_DRIVEN && bitPlanes ? slots : 1;
    }

    private void count(int stat, int t, Value in, long denseMacs, long events, long sops) {
        if (!counting) {
            return;
        }
        if (in.isSpikes()) {
            counters.events[stat] += events;
            counters.sops[stat] += sops;
            counters.sopsByStep[stat][t] += sops;
            long valueSum = 0;
            for (int s : in.counts) {
                valueSum += s;
            }
            counters.literatureSops[stat] += (double) valueSum * denseMacs / in.counts.length;
        } else {
            counters.macs[stat] += denseMacs;
        }
    }

    /** out[o][p] = bias[o] + sum_b 2^b acc_b[p][o]: one combination per output neuron, not per synapse. */
    private static float[] combine(float[][] acc, float[] bias, int positions, int channels) {
        float[] out = new float[positions * channels];
        combine(acc, bias, positions, channels, 0, positions, out);
        return out;
    }

    /** {@link #combine(float[][], float[], int, int)} for output positions {@code [from, to)} only. */
    private static void combine(float[][] acc, float[] bias, int positions, int channels, int from, int to,
                                float[] out) {
        float[] sum = new float[(to - from) * channels];
        for (int b = 0; b < acc.length; b++) {
            float[] plane = acc[b];
            float weight = 1 << b;
            for (int i = 0, j = from * channels; i < sum.length; i++, j++) {
                sum[i] += weight * plane[j];
            }
        }
        for (int p = from; p < to; p++) {
            for (int o = 0; o < channels; o++) {
                out[o * positions + p] = sum[(p - from) * channels + o] + bias[o];
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

    /** Max pooling; a split image pools halves of the channels on parallel threads. */
    private static Value maxPool(Node.MaxPool p, Value in, boolean split) {
        Shape o = p.output();
        float[] out = new float[o.size()];
        if (split) {
            SplitRunner.shared().run(2, k -> maxPool(p, in.real, out, k * o.channels() / 2, (k + 1) * o.channels() / 2));
        } else {
            maxPool(p, in.real, out, 0, o.channels());
        }
        return Value.real(o, out);
    }

    private static void maxPool(Node.MaxPool p, float[] in, float[] out, int fromChannel, int toChannel) {
        Shape s = p.input();
        Shape o = p.output();
        int k = p.kernel();
        int stride = p.stride();
        int pad = p.padding();
        int h = s.height();
        int w = s.width();
        if (k == 2 && stride == 2 && pad == 0) {
            maxPool2x2(in, out, h, w, o.height(), o.width(), fromChannel, toChannel);
            return;
        }
        for (int c = fromChannel, i = c * o.height() * o.width(); c < toChannel; c++) {
            for (int oy = 0; oy < o.height(); oy++) {
                int y0 = Math.max(0, oy * stride - pad);
                int y1 = Math.min(h, oy * stride - pad + k);
                for (int ox = 0; ox < o.width(); ox++, i++) {
                    int x0 = Math.max(0, ox * stride - pad);
                    int x1 = Math.min(w, ox * stride - pad + k);
                    float best = Float.NEGATIVE_INFINITY;
                    for (int y = y0; y < y1; y++) {
                        for (int x = x0, j = (c * h + y) * w + x0; x < x1; x++, j++) {
                            best = Math.max(best, in[j]);
                        }
                    }
                    out[i] = best;
                }
            }
        }
    }

    /** The common 2x2, stride 2, unpadded window without the general loop's bounds ({@code Math.max} associates). */
    private static void maxPool2x2(float[] in, float[] out, int h, int w, int outH, int outW, int fromChannel,
                                   int toChannel) {
        for (int c = fromChannel, i = c * outH * outW; c < toChannel; c++) {
            for (int oy = 0; oy < outH; oy++) {
                int top = (c * h + 2 * oy) * w;
                int bottom = top + w;
                for (int ox = 0; ox < outW; ox++, i++) {
                    int x = 2 * ox;
                    out[i] = Math.max(Math.max(in[top + x], in[top + x + 1]),
                            Math.max(in[bottom + x], in[bottom + x + 1]));
                }
            }
        }
    }

    private static Value globalAvgPool(Node.GlobalAvgPool g, Value in) {
        Shape s = g.input();
        int area = s.height() * s.width();
        if (in.isSpikes()) {
            return Value.spikes(Shape.flat(s.channels()), in.counts, area, in.events);
        }
        float[] out = new float[s.channels()];
        for (int c = 0; c < s.channels(); c++) {
            float sum = 0f;
            for (int p = 0; p < area; p++) {
                sum += in.real[c * area + p];
            }
            out[c] = sum / area;
        }
        return Value.real(Shape.flat(s.channels()), out);
    }
}
