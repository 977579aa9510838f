package org.ibrasnn.runtime;

import java.util.Arrays;
import java.util.List;
import org.ibrasnn.runtime.SpikeRuntime.Mode;

/**
 * What executors see of their engine (one per thread) at one timestep: the mode, whether a single image is
 * split over threads, whether and where to count, the neuron probe, the membrane states, and {@link #t}.
 */
final class StepContext {

    final Mode mode;
    /** Split each layer of a single image over threads (same sums in the same order as one thread). */
    final boolean splitImage;
    /** Fill {@link #counters}; off when only the outputs are wanted. */
    final boolean counting;
    final Counters counters;
    /** Sees every neuron layer's input before it fires, or null. */
    final NeuronProbe probe;
    private final float[][] states;
    /** The current timestep, from 0. */
    int t;

    /** Sees the real-valued input of every neuron layer at every timestep, before the neuron fires. */
    interface NeuronProbe {
        void accept(int stat, float[] input);
    }

    /** A context for {@code steps} timesteps: counters for {@code stats}, zeroed membranes of {@code stateSizes}. */
    StepContext(List<Compiler.StatInfo> stats, List<Integer> stateSizes, int steps, Mode mode, boolean splitImage,
                boolean counting, NeuronProbe probe) {
        this.mode = mode;
        this.splitImage = splitImage;
        this.counting = counting;
        this.probe = probe;
        this.counters = new Counters(stats, steps);
        this.states = new float[stateSizes.size()][];
        for (int i = 0; i < states.length; i++) {
            states[i] = new float[stateSizes.get(i)];
        }
    }

    /** Membrane state {@code index} (registered when compiling), kept across the timesteps of one image. */
    float[] state(int index) {
        return states[index];
    }

    /** Zeroes the membranes for a new image. */
    void reset() {
        for (float[] s : states) {
            Arrays.fill(s, 0f);
        }
    }

    /** Spike-driven consumption of {@code in}'s bit-planes, one plane at a time. */
    boolean sendsPlanes(Port in) {
        return in.bitPlanes() && mode == Mode.SPIKE_DRIVEN;
    }

    /** Accumulators a layer fed by {@code in} needs: one per bit-plane when spike-driven, else one. */
    int planes(Port in) {
        return sendsPlanes(in) ? in.slots() : 1;
    }
}
