package org.ibrasnn.core.neuron;

/** The ReLU of an ANN twin: no state, no timesteps, no spikes. */
public record Relu() implements Activation {
    @Override public String kind() { return "ann"; }
    @Override public int timesteps() { return 1; }
    @Override public String describe() { return "ReLU (ANN)"; }
}
