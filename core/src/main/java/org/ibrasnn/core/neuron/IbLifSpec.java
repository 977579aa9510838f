package org.ibrasnn.core.neuron;

/** Integer-binary LIF: N = 1, D = 2^B - 1; at inference S is sent as B bit-planes. */
public record IbLifSpec(int bits, double alpha, int timesteps) implements CountingNeuronSpec {

    public IbLifSpec {
        if (bits < 1 || bits > 24) {
            throw new IllegalArgumentException("IB-LIF needs 1 <= B <= 24 bits, got B=" + bits);
        }
        Checks.alpha(alpha);
        Checks.timesteps(timesteps);
    }

    /** Builds IB-LIF from D, which must be 2^B - 1. */
    public static IbLifSpec ofD(double d, double alpha, int timesteps) {
        int dn = Checks.countRange(d, 1);
        int bits = Checks.bitsFor(dn);
        if (dn != (1 << bits) - 1) {
            throw new IllegalArgumentException("IB-LIF needs D = 2^B - 1 (1, 3, 7, 15, ...), got D=" + d);
        }
        return new IbLifSpec(bits, alpha, timesteps);
    }

    @Override public String kind() { return "iblif"; }
    @Override public double d() { return maxCount(); }
    @Override public int n() { return 1; }
    @Override public int maxCount() { return (1 << bits) - 1; }
    @Override public SpikeEncoding encoding() { return SpikeEncoding.BIT_PLANES; }
    @Override public int slotsPerStep() { return bits; }
    @Override public int events(int s) { return Integer.bitCount(s); }

    @Override public String describe() {
        return "IB-LIF(D=" + maxCount() + ", B=" + bits + ", alpha=" + alpha + ", T=" + timesteps + ")";
    }
}
