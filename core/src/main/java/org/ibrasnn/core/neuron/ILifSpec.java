package org.ibrasnn.core.neuron;

/** Integer LIF (SpikeYOLO): N = 1, integer D; at inference S is sent as D unary slots. */
public record ILifSpec(int maxValue, double alpha, int timesteps) implements CountingNeuronSpec {

    public ILifSpec {
        if (maxValue <= 0) {
            throw new IllegalArgumentException("I-LIF needs an integer D >= 1, got D=" + maxValue);
        }
        Checks.alpha(alpha);
        Checks.timesteps(timesteps);
    }

    @Override public String kind() { return "ilif"; }
    @Override public double d() { return maxValue; }
    @Override public int n() { return 1; }
    @Override public int maxCount() { return maxValue; }
    @Override public SpikeEncoding encoding() { return SpikeEncoding.UNARY; }
    @Override public int slotsPerStep() { return maxValue; }
    @Override public int events(int s) { return s; }

    @Override public String describe() {
        return "I-LIF(D=" + maxValue + ", alpha=" + alpha + ", T=" + timesteps + ")";
    }
}
