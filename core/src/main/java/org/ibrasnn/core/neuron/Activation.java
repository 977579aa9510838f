package org.ibrasnn.core.neuron;

/**
 * What follows a conv/linear + BN layer: either a ReLU (for the ANN twin) or a spiking neuron.
 * The family is sealed so that every consumer handles every setting with an exhaustive switch.
 */
public sealed interface Activation permits Relu, NeuronSpec {

    /** Short command-line name: {@code ann}, {@code lif}, {@code ilif}, {@code iblif}, {@code ibra}. */
    String kind();

    /** Number of real timesteps T the network runs for; 1 for the ANN. */
    int timesteps();

    /** Human-readable one-line description with every parameter, e.g. {@code IBRA-LIF(D=5.11, N=100, B=9, T=1)}. */
    String describe();
}
