package org.ibrasnn.core.neuron;

/**
 * Integer Binary-Range Alignment LIF: emitted value S / N with S in [0, D*N]; at inference S is sent as
 * B = ceil(log2(D*N + 1)) bit-planes and the 1/N is folded into the next layer's weights.
 */
public record IbraLifSpec(double d, int n, double alpha, int timesteps) implements CountingNeuronSpec {

    public IbraLifSpec {
        Checks.countRange(d, n);
        Checks.alpha(alpha);
        Checks.timesteps(timesteps);
    }

    /** The paper's default: D = 5.11, N = 100 (B = 9). */
    public static IbraLifSpec paperDefault(int timesteps) {
        return new IbraLifSpec(5.11, 100, 0.25, timesteps);
    }

    /** B, the number of bit-planes. */
    public int bits() {
        return Checks.bitsFor(maxCount());
    }

    @Override public String kind() { return "ibra"; }
    /** D*N; the constructor checked that it is an integer, so rounding the double product is exact. */
    @Override public int maxCount() { return (int) Math.round(d * n); }
    @Override public SpikeEncoding encoding() { return SpikeEncoding.BIT_PLANES; }
    @Override public int slotsPerStep() { return bits(); }
    @Override public int events(int s) { return Integer.bitCount(s); }

    @Override public String describe() {
        return "IBRA-LIF(D=" + d + ", N=" + n + ", B=" + bits() + ", alpha=" + alpha + ", T=" + timesteps + ")";
    }
}
