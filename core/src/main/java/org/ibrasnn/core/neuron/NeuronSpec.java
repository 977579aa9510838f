package org.ibrasnn.core.neuron;

/**
 * A spiking neuron setting: the charge {@code V_pre = alpha * V_prev + I}, an emitted value and a reset,
 * run for {@link #timesteps()} steps. See DESIGN.md §1.
 */
public sealed interface NeuronSpec extends Activation permits LifSpec, CountingNeuronSpec {

    /**
     * The most timesteps a network may run (and input frames it may take): far beyond the few the method
     * needs, and a bound on the per-timestep records every run keeps.
     */
    int MAX_TIMESTEPS = 1024;

    /** Membrane decay alpha in (0, 1]. */
    double alpha();

    /** Largest integer spike count one neuron can emit in one timestep (1 for LIF, D*N otherwise). */
    int maxCount();

    /** Value of one count: the emitted value is {@code count * unit()} (1/N, or 1 for LIF). */
    float unit();

    /** How counts are carried as binary events at inference. */
    SpikeEncoding encoding();

    /** Binary slots per timestep at inference: 1 (LIF), D (I-LIF) or B (bit-planes). */
    int slotsPerStep();

    /** Virtual timesteps T x slots, the paper's "T x D" / "T x B" notation. */
    default int virtualSteps() {
        return timesteps() * slotsPerStep();
    }

    /** Number of binary events (ACs per synapse) needed to carry count {@code s} in one timestep. */
    int events(int s);
}
