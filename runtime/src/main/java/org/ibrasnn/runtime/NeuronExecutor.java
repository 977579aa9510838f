package org.ibrasnn.runtime;

import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.CountingNeuronSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.neuron.ResetMode;
import org.ibrasnn.runtime.SpikeRuntime.Mode;

/**
 * A layer of neurons with its own activation ({@link org.ibrasnn.core.model.ModelSpec#activationOf}) and
 * membrane, kept across the timesteps of an image: real values in, spike counts out, with their bit-plane
 * masks when spike-driven layers consume planes; a ReLU passes real values on.
 */
final class NeuronExecutor implements Executor {

    private final int stat;
    private final int state;
    private final Activation activation;
    private final Port out;

    NeuronExecutor(Compiler.Site site) {
        activation = site.activation();
        stat = site.neuronStat(activation);
        state = activation instanceof NeuronSpec ? site.state(site.output().size()) : -1;
        out = activation instanceof NeuronSpec spec ? Port.spikes(site.output(), spec, 1) : Port.real(site.output());
    }

    @Override
    public Port output() {
        return out;
    }

    @Override
    public Value run(Value[] inputs, StepContext step) {
        float[] x = inputs[0].real;
        step.counters.neuronSteps[stat] += x.length;
        if (step.probe != null) {
            step.probe.accept(stat, x);
        }
        return switch (activation) {
            case Relu r -> {
                float[] result = new float[x.length];
                for (int i = 0; i < x.length; i++) {
                    result[i] = Math.max(0f, x[i]);
                }
                yield Value.real(result);
            }
            case NeuronSpec spec -> emit(spec, x, step);
        };
    }

    /** Fires the spiking neurons on input {@code x}: the counts, their masks, and what they add to the counters. */
    private Value emit(NeuronSpec spec, float[] x, StepContext step) {
        float[] v = step.state(state);
        int t = step.t;
        int[] counts = new int[x.length];
        PlaneEvents events = step.mode == Mode.SPIKE_DRIVEN && out.bitPlanes()
                ? PlaneEvents.empty(x.length, out.slots()) : null;
        if (step.splitImage) {
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
        if (step.counting) {
            long[] histogram = step.counters.histograms[stat];
            long[] ones = step.counters.slotOnes[stat];
            for (int s : counts) {
                histogram[Math.min(s, histogram.length - 1)]++;
                countSlots(s, ones);
            }
        }
        return Value.spikes(counts, events);
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

    /** Adds a count's 1-bits to its slots: bit b to plane b, or the first S unary slots. */
    private void countSlots(int s, long[] ones) {
        if (out.bitPlanes()) {
            for (int bits = s; bits != 0; bits &= bits - 1) {
                ones[Integer.numberOfTrailingZeros(bits)]++;
            }
        } else {
            for (int k = 0; k < s; k++) {
                ones[k]++;
            }
        }
    }
}
