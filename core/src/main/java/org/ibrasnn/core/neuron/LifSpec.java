package org.ibrasnn.core.neuron;

/**
 * Binary leaky integrate-and-fire: emits 1 when {@code V_pre >= threshold}; reset soft (subtract the
 * threshold) or hard (to zero); trained with the ATan surrogate gradient
 * {@code (surrogateAlpha / 2) / (1 + (pi/2 * surrogateAlpha * (V_pre - threshold))^2)}.
 */
public record LifSpec(double threshold, ResetMode reset, double surrogateAlpha, double alpha, int timesteps)
        implements NeuronSpec {

    /** Default LIF of the paper's comparison: threshold 1, soft reset, ATan(2), alpha 0.25. */
    public static LifSpec of(int timesteps) {
        return new LifSpec(1.0, ResetMode.SOFT, 2.0, 0.25, timesteps);
    }

    public LifSpec {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("LIF threshold must be positive and finite, got V_th=" + threshold);
        }
        if (reset == null) {
            throw new IllegalArgumentException("LIF reset mode must be given (SOFT or HARD)");
        }
        if (!(surrogateAlpha > 0) || Double.isInfinite(surrogateAlpha)) {
            throw new IllegalArgumentException("ATan surrogate alpha must be positive, got " + surrogateAlpha);
        }
        Checks.alpha(alpha);
        Checks.timesteps(timesteps);
    }

    @Override public String kind() { return "lif"; }
    @Override public int maxCount() { return 1; }
    @Override public float unit() { return 1f; }
    @Override public SpikeEncoding encoding() { return SpikeEncoding.BINARY; }
    @Override public int slotsPerStep() { return 1; }
    @Override public int events(int s) { return s; }

    @Override public String describe() {
        return "LIF(V_th=" + threshold + ", reset=" + reset.name().toLowerCase() + ", alpha=" + alpha
                + ", T=" + timesteps + ")";
    }
}
