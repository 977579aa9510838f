package org.ibrasnn.runtime;

import java.util.Arrays;
import java.util.List;
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
    private final Mode mode;
    private final float[][] membranes;
    private final int slots;
    private final boolean bitPlanes;
    final Counters counters;

    Engine(Compiler.Program program, Activation activation, Shape input, Mode mode) {
        this.program = program;
        this.activation = activation;
        this.input = input;
        this.mode = mode;
        this.membranes = new float[program.states()][];
        for (int i = 0; i < membranes.length; i++) {
            membranes[i] = new float[program.stateSizes().get(i)];
        }
        this.slots = activation instanceof NeuronSpec n ? n.slotsPerStep() : 1;
        this.bitPlanes = activation instanceof NeuronSpec n && n.encoding() == SpikeEncoding.BIT_PLANES;
        this.counters = new Counters(program.stats().size(), slots);
    }

    /** Class logits of one image (CHW floats), averaged over the timesteps. */
    float[] logits(float[] image) {
        if (image.length != input.size()) {
            throw new IllegalArgumentException("input has " + image.length + " values but the model expects "
                    + input + " = " + input.size());
        }
        for (float[] m : membranes) {
            Arrays.fill(m, 0f);
        }
        int steps = activation.timesteps();
        float[] sum = null;
        for (int t = 0; t < steps; t++) {
            float[] out = run(program.nodes(), Value.real(input, image), t).real;
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
                case Node.Conv c -> conv(c, v);
                case Node.Linear l -> linear(l, v);
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
        return switch (activation) {
            case Relu r -> {
                float[] out = new float[x.length];
                for (int i = 0; i < x.length; i++) {
                    out[i] = Math.max(0f, x[i]);
                }
                yield Value.real(in.shape, out);
            }
            case NeuronSpec spec -> Value.spikes(in.shape, fire(spec, x, v, t, counters.slotOnes[n.stat()]), 1);
        };
    }

    /** One timestep of every neuron of a layer, exactly as the reference step function. */
    private int[] fire(NeuronSpec spec, float[] x, float[] v, int t, long[] ones) {
        int[] counts = new int[x.length];
        float alpha = (float) spec.alpha();
        for (int i = 0; i < x.length; i++) {
            float vPre = t == 0 ? x[i] : alpha * v[i] + x[i];
            int s;
            switch (spec) {
                case LifSpec lif -> {
                    float threshold = (float) lif.threshold();
                    s = vPre >= threshold ? 1 : 0;
                    v[i] = lif.reset() == ResetMode.SOFT ? vPre - threshold * s : (s == 1 ? 0f : vPre);
                }
                case CountingNeuronSpec c -> {
                    float n = c.n();
                    s = (int) Math.max(0, Math.min(c.maxCount(), Math.rint(vPre * n)));
                    v[i] = vPre - s / n;
                }
            }
            counts[i] = s;
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

    private Value conv(Node.Conv c, Value in) {
        ConvGeometry g = c.geometry();
        float[] w = c.weights().values;
        int positions = g.inH * g.inW;
        float[][] acc = accumulators(in, g.outH * g.outW * g.outC);
        long events = 0;
        long sops = 0;
        for (int ci = 0; ci < g.inC; ci++) {
            for (int p = 0; p < positions; p++) {
                int y = p / g.inW;
                int x = p % g.inW;
                if (!in.isSpikes()) {
                    float value = in.real[ci * positions + p];
                    if (value != 0f) {
                        scatter(acc[0], g, w, ci, y, x, value);
                    }
                    continue;
                }
                int s = in.counts[ci * positions + p];
                if (s == 0) {
                    continue;
                }
                int channel = ci;
                int e = emit(s, acc, (a, scale) -> scatter(a, g, w, channel, y, x, scale));
                events += e;
                sops += (long) e * g.fanout(y, x);
            }
        }
        count(c.stat(), in, g.denseMacs(), events, sops);
        return Value.real(g.outputShape(), combine(acc, c.bias().values, g.outH * g.outW, g.outC));
    }

    private Value linear(Node.Linear l, Value in) {
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
                if (s != 0) {
                    int feature = pooled ? i / in.pooledArea : i;
                    events += emit(s, acc, (a, scale) -> axpy(a, 0, w, feature * out, out, scale));
                }
            }
        }
        count(l.stat(), in, (long) l.in() * out, events, events * out);
        return Value.real(Shape.flat(out), combine(acc, l.bias().values, 1, out));
    }

    /** A scatter of one event's weights into an accumulator, scaled (1 for a pure accumulate). */
    @FunctionalInterface
    private interface Scatter {
        void apply(float[] accumulator, float scale);
    }

    /**
     * Sends count {@code s} as events and returns how many there were. Spike-driven: one pure accumulate
     * per 1-slot, into the accumulator of the slot's weight. Dense: one multiply by s.
     */
    private int emit(int s, float[][] acc, Scatter scatter) {
        if (mode == Mode.DENSE) {
            scatter.apply(acc[0], s);
            return activation instanceof NeuronSpec n ? n.events(s) : 1;
        }
        if (bitPlanes) {
            int e = 0;
            for (int bits = s; bits != 0; bits &= bits - 1) {
                scatter.apply(acc[Integer.numberOfTrailingZeros(bits)], 1f);
                e++;
            }
            return e;
        }
        for (int k = 0; k < s; k++) {
            scatter.apply(acc[0], 1f);
        }
        return s;
    }

    private float[][] accumulators(Value in, int size) {
        int planes = in.isSpikes() && mode == Mode.SPIKE_DRIVEN && bitPlanes ? slots : 1;
        return new float[planes][size];
    }

    private void count(int stat, Value in, long denseMacs, long events, long sops) {
        if (in.isSpikes()) {
            counters.events[stat] += events;
            counters.sops[stat] += sops;
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

    /** Adds the kernel weights of input (c, y, x) to every output position its window reaches. */
    private static void scatter(float[] acc, ConvGeometry g, float[] w, int c, int y, int x, float scale) {
        int k = g.kernel;
        for (int ky = 0; ky < k; ky++) {
            int sy = y + g.padding - ky;
            if (sy < 0 || sy % g.stride != 0 || sy / g.stride >= g.outH) {
                continue;
            }
            for (int kx = 0; kx < k; kx++) {
                int sx = x + g.padding - kx;
                if (sx < 0 || sx % g.stride != 0 || sx / g.stride >= g.outW) {
                    continue;
                }
                axpy(acc, ((sy / g.stride) * g.outW + sx / g.stride) * g.outC, w, ((c * k + ky) * k + kx) * g.outC,
                        g.outC, scale);
            }
        }
    }

    /** acc[a..a+n) += w[b..b+n) (scale 1: accumulate only), or += scale * w for dense inputs. */
    private static void axpy(float[] acc, int a, float[] w, int b, int n, float scale) {
        if (scale == 1f) {
            for (int o = 0; o < n; o++) {
                acc[a + o] += w[b + o];
            }
        } else {
            for (int o = 0; o < n; o++) {
                acc[a + o] += scale * w[b + o];
            }
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
