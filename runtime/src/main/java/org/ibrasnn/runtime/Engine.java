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
    final Counters counters;

    /** Sees the real-valued input of every neuron layer at every timestep, before the neuron fires. */
    interface NeuronProbe {
        void accept(int stat, float[] input);
    }

    Engine(Compiler.Program program, ModelSpec spec, Mode mode) {
        this(program, spec, mode, null);
    }

    Engine(Compiler.Program program, ModelSpec spec, Mode mode, NeuronProbe probe) {
        this.program = program;
        this.probe = probe;
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

    /** Class logits of one image (CHW floats; with input frames, frame t at timestep t), averaged over the timesteps. */
    float[] logits(float[] image) {
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
                case Node.MaxPool p -> maxPool(p, v);
                case Node.GlobalAvgPool g -> globalAvgPool(g, v);
                case Node.Flatten f -> v.isSpikes() ? Value.spikes(Shape.flat(v.shape.size()), v.counts, v.pooledArea)
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
            case NeuronSpec spec -> Value.spikes(in.shape, fire(spec, x, v, t, counters.slotOnes[n.stat()],
                    counters.histograms[n.stat()]), 1);
        };
    }

    /** One timestep of every neuron of a layer, exactly as the reference step function. */
    private int[] fire(NeuronSpec spec, float[] x, float[] v, int t, long[] ones, long[] histogram) {
        int[] counts = new int[x.length];
        float alpha = (float) spec.alpha();
        switch (spec) {
            case LifSpec lif -> {
                float threshold = (float) lif.threshold();
                boolean soft = lif.reset() == ResetMode.SOFT;
                for (int i = 0; i < x.length; i++) {
                    float vPre = t == 0 ? x[i] : alpha * v[i] + x[i];
                    int s = vPre >= threshold ? 1 : 0;
                    v[i] = soft ? vPre - threshold * s : (s == 1 ? 0f : vPre);
                    counts[i] = s;
                }
            }
            case CountingNeuronSpec c -> {
                float n = c.n();
                int max = c.maxCount();
                for (int i = 0; i < x.length; i++) {
                    float vPre = t == 0 ? x[i] : alpha * v[i] + x[i];
                    int s = (int) Math.max(0, Math.min(max, Math.rint(vPre * n)));
                    v[i] = vPre - s / n;
                    counts[i] = s;
                }
            }
        }
        for (int s : counts) {
            histogram[Math.min(s, histogram.length - 1)]++;
            countSlots(s, ones);
        }
        return counts;
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
        float[] w = c.weights().values;
        int positions = g.inH * g.inW;
        int sliceSize = g.kernel * g.kernel * g.outC;
        float[][] acc = accumulators(in, g.outH * g.outW * g.outC);
        long events = 0;
        long sops = 0;
        for (int ci = 0; ci < g.inC; ci++) {
            int slice = ci * sliceSize;
            for (int p = 0; p < positions; p++) {
                int[] taps = g.taps(p);
                if (!in.isSpikes()) {
                    float value = in.real[ci * positions + p];
                    if (value != 0f) {
                        scatterScaled(acc[0], taps, w, slice, value);
                    }
                    continue;
                }
                int s = in.counts[ci * positions + p];
                if (s == 0) {
                    continue;
                }
                int e = sendConv(s, acc, taps, w, slice);
                events += e;
                sops += (long) e * g.fanout(p / g.inW, p % g.inW);
            }
        }
        count(c.stat(), t, in, g.denseMacs(), events, sops);
        return Value.real(g.outputShape(), combine(acc, c.bias().values, g.outH * g.outW, g.outC));
    }

    /**
     * Sends count {@code s} at one input position through a conv and returns the number of events.
     * Spike-driven: one pure accumulate of the kernel slice per 1-slot, into the accumulator of the slot's
     * weight (2^b for bit-planes). Dense: one multiply-accumulate by s.
     */
    private int sendConv(int s, float[][] acc, int[] taps, float[] w, int slice) {
        if (mode == Mode.DENSE) {
            scatterScaled(acc[0], taps, w, slice, s);
            return events(s);
        }
        if (bitPlanes) {
            for (int bits = s; bits != 0; bits &= bits - 1) {
                scatter(acc[Integer.numberOfTrailingZeros(bits)], taps, w, slice);
            }
            return Integer.bitCount(s);
        }
        for (int k = 0; k < s; k++) {
            scatter(acc[0], taps, w, slice);
        }
        return s;
    }

    private Value linear(Node.Linear l, Value in, int t) {
        int out = l.out();
        float[][] acc = accumulators(in, out);
        long events = 0;
        if (!in.isSpikes()) {
            float[] w = l.weights().values;
            for (int f = 0; f < l.in(); f++) {
                float value = in.real[f];
                if (value != 0f) {
                    axpy(acc[0], 0, w, f * out, out, value);
                }
            }
        } else {
            boolean pooled = in.pooledArea > 1;
            float[] w = pooled ? l.pooledWeights().values : l.weights().values;
            for (int i = 0; i < in.counts.length; i++) {
                int s = in.counts[i];
                if (s == 0) {
                    continue;
                }
                int row = (pooled ? i / in.pooledArea : i) * out;
                if (mode == Mode.DENSE) {
                    axpy(acc[0], 0, w, row, out, s);
                    events += events(s);
                } else if (bitPlanes) {
                    for (int bits = s; bits != 0; bits &= bits - 1) {
                        add(acc[Integer.numberOfTrailingZeros(bits)], 0, w, row, out);
                    }
                    events += Integer.bitCount(s);
                } else {
                    for (int k = 0; k < s; k++) {
                        add(acc[0], 0, w, row, out);
                    }
                    events += s;
                }
            }
        }
        count(l.stat(), t, in, (long) l.in() * out, events, events * out);
        return Value.real(Shape.flat(out), combine(acc, l.bias().values, 1, out));
    }

    private int events(int s) {
        return activation instanceof NeuronSpec n ? n.events(s) : 1;
    }

    private float[][] accumulators(Value in, int size) {
        int planes = in.isSpikes() && mode == Mode.SPIKE_DRIVEN && bitPlanes ? slots : 1;
        return new float[planes][size];
    }

    private void count(int stat, int t, Value in, long denseMacs, long events, long sops) {
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
        for (int p = 0; p < positions; p++) {
            for (int o = 0; o < channels; o++) {
                float sum = 0f;
                for (int b = 0; b < acc.length; b++) {
                    sum += (1 << b) * acc[b][p * channels + o];
                }
                out[o * positions + p] = sum + bias[o];
            }
        }
        return out;
    }

    /** Accumulates one event: the kernel slice into every output position its window reaches. */
    private static void scatter(float[] acc, int[] taps, float[] w, int slice) {
        for (int j = 0; j < taps.length; j += 3) {
            add(acc, taps[j], w, slice + taps[j + 1], taps[j + 2]);
        }
    }

    /** The dense counterpart of {@link #scatter}: the slice times {@code value}. */
    private static void scatterScaled(float[] acc, int[] taps, float[] w, int slice, float value) {
        for (int j = 0; j < taps.length; j += 3) {
            axpy(acc, taps[j], w, slice + taps[j + 1], taps[j + 2], value);
        }
    }

    /** acc[a..a+n) += w[b..b+n): accumulate only. */
    private static void add(float[] acc, int a, float[] w, int b, int n) {
        for (int o = 0; o < n; o++) {
            acc[a + o] += w[b + o];
        }
    }

    /** acc[a..a+n) += scale * w[b..b+n): multiply-accumulate, for real inputs and the dense mode. */
    private static void axpy(float[] acc, int a, float[] w, int b, int n, float scale) {
        for (int o = 0; o < n; o++) {
            acc[a + o] += scale * w[b + o];
        }
    }

    private static Value maxPool(Node.MaxPool p, Value in) {
        Shape s = p.input();
        Shape o = p.output();
        float[] out = new float[o.size()];
        for (int c = 0; c < o.channels(); c++) {
            for (int oy = 0; oy < o.height(); oy++) {
                for (int ox = 0; ox < o.width(); ox++) {
                    float best = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < p.kernel(); ky++) {
                        int y = oy * p.stride() - p.padding() + ky;
                        for (int kx = 0; kx < p.kernel(); kx++) {
                            int x = ox * p.stride() - p.padding() + kx;
                            if (y >= 0 && y < s.height() && x >= 0 && x < s.width()) {
                                best = Math.max(best, in.real[(c * s.height() + y) * s.width() + x]);
                            }
                        }
                    }
                    out[(c * o.height() + oy) * o.width() + ox] = best;
                }
            }
        }
        return Value.real(o, out);
    }

    private static Value globalAvgPool(Node.GlobalAvgPool g, Value in) {
        Shape s = g.input();
        int area = s.height() * s.width();
        if (in.isSpikes()) {
            return Value.spikes(Shape.flat(s.channels()), in.counts, area);
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
