package org.ibrasnn.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.ibrasnn.core.neuron.CountingNeuronSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.ResetMode;

/**
 * One timestep of the neuron family on DJL arrays, in the training form of DESIGN.md §1. Values are
 * computed in float32 in the same order as {@code org.ibrasnn.core.neuron.ReferenceNeuron}, so both agree
 * bit for bit; gradients use the straight-through estimator (integer neurons) or the ATan surrogate (LIF).
 */
final class NeuronFunctions {

    /** Largest D*N for which the float32 rounding shift in {@link #counting} is exact. */
    private static final int MAX_EXACT_COUNT = 1 << 22;

    /** 1.5 * 2^23: adding and subtracting it rounds a float32 in [0, 2^22) to the nearest integer, ties to even. */
    private static final float ROUNDING_SHIFT = 12582912f;

    /** Emitted value and membrane after reset for one timestep (null after the last one). */
    record Step(NDArray output, NDArray membrane) {}

    private NeuronFunctions() {}

    /** Rejects settings the training form cannot compute exactly: D*N above {@link #MAX_EXACT_COUNT}. */
    static void check(NeuronSpec spec) {
        if (spec instanceof CountingNeuronSpec c && c.maxCount() > MAX_EXACT_COUNT) {
            throw new IllegalArgumentException("D*N = " + c.maxCount() + " exceeds " + MAX_EXACT_COUNT
                    + ", the largest count float32 rounds exactly in training");
        }
    }

    /** {@code V_pre = alpha * V_prev + I}; at t = 1 there is no previous membrane. */
    static NDArray charge(NDArray previous, NDArray current, float alpha) {
        return previous == null ? current : previous.mul(alpha).add(current);
    }

    /**
     * Integer neuron: {@code S = clip(rint(V_pre * N), 0, D*N)}, {@code O = S / N}, soft reset by the detached
     * {@code O}; gradient 1 where {@code 0 <= V_pre <= D}, else 0. The membrane after reset is only formed
     * when another timestep follows ({@code last} false).
     *
     * <p>The output is the tensor of {@code clip(V_pre, 0, D)}, whose gradient is the straight-through
     * estimator, with its values then overwritten in place (through a detached alias, so autograd records
     * nothing) by {@code rint(clip(V_pre, 0, D) * N) / N}: five passes over the data and no further autograd
     * node. That equals {@code S / N} bit for bit: inside {@code [0, D]} the product is the reference's;
     * below 0 both give 0; above D the clipped product rounds to {@code D*N}, the reference's upper clip.
     * {@code rint} is {@code (x + 1.5 * 2^23) - 1.5 * 2^23}, exact round-half-even in float32 for
     * {@code 0 <= x < 2^22}, which {@link #check} guarantees.
     */
    static Step counting(NDArray vPre, CountingNeuronSpec spec, boolean last) {
        float n = spec.n();
        NDArray output = vPre.clip(0f, (float) spec.d());
        NDArray value = output.stopGradient();
        value.muli(n).addi(ROUNDING_SHIFT).subi(ROUNDING_SHIFT).divi(n);
        return new Step(output, last ? null : vPre.sub(value));
    }

    /**
     * Binary LIF: {@code O = [V_pre >= V_th]}; the gradient is that of
     * {@code atan(pi/2 * a * (V_pre - V_th)) / pi}, i.e. {@code (a/2) / (1 + (pi/2 * a * x)^2)}.
     */
    static Step lif(NDArray vPre, LifSpec spec, boolean last) {
        float threshold = (float) spec.threshold();
        NDArray spike = vPre.gte(threshold).toType(DataType.FLOAT32, false).stopGradient();
        NDArray smooth = vPre.sub(threshold).mul((float) (Math.PI / 2 * spec.surrogateAlpha())).atan()
                .div((float) Math.PI);
        NDArray output = spike.add(smooth.sub(smooth.stopGradient()));
        NDArray membrane = last ? null : spec.reset() == ResetMode.SOFT
                ? vPre.sub(spike.mul(threshold))
                : vPre.mul(spike.neg().add(1f));
        return new Step(output, membrane);
    }
}
