package org.ibrasnn.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.ibrasnn.core.neuron.CountingNeuronSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.ResetMode;

/**
 * One timestep of the neuron family on DJL arrays, in the training form of DESIGN.md §1. Values are
 * computed in float32 in the same order as {@code org.ibrasnn.core.neuron.ReferenceNeuron}, so both agree
 * bit for bit; gradients use the straight-through estimator (integer neurons) or the ATan surrogate (LIF).
 */
final class NeuronFunctions {

    /** Emitted value and membrane after reset for one timestep. */
    record Step(NDArray output, NDArray membrane) {}

    private NeuronFunctions() {}

    /** {@code V_pre = alpha * V_prev + I}; at t = 1 there is no previous membrane. */
    static NDArray charge(NDArray previous, NDArray current, float alpha) {
        return previous == null ? current : previous.mul(alpha).add(current);
    }

    /**
     * Integer neuron: {@code S = clip(rint(V_pre * N), 0, D*N)}, {@code O = S / N}, soft reset by the detached
     * {@code O}; gradient 1 where {@code 0 <= V_pre <= D}, else 0.
     */
    static Step counting(NDArray vPre, CountingNeuronSpec spec) {
        float n = spec.n();
        NDArray count = vPre.mul(n).round().clip(0, spec.maxCount());
        NDArray value = count.div(n).stopGradient();
        // clip's gradient is 1 on [0, D] (both ends included) and 0 outside: the straight-through estimator.
        // value + (c - c) keeps the forward value exactly S / N.
        NDArray clipped = vPre.clip(0f, (float) spec.d());
        NDArray output = value.add(clipped.sub(clipped.stopGradient()));
        return new Step(output, vPre.sub(value));
    }

    /**
     * Binary LIF: {@code O = [V_pre >= V_th]}; the gradient is that of
     * {@code atan(pi/2 * a * (V_pre - V_th)) / pi}, i.e. {@code (a/2) / (1 + (pi/2 * a * x)^2)}.
     */
    static Step lif(NDArray vPre, LifSpec spec) {
        float threshold = (float) spec.threshold();
        NDArray spike = vPre.gte(threshold).toType(DataType.FLOAT32, false).stopGradient();
        NDArray smooth = vPre.sub(threshold).mul((float) (Math.PI / 2 * spec.surrogateAlpha())).atan()
                .div((float) Math.PI);
        NDArray output = spike.add(smooth.sub(smooth.stopGradient()));
        NDArray membrane = spec.reset() == ResetMode.SOFT
                ? vPre.sub(spike.mul(threshold))
                : vPre.mul(spike.neg().add(1f));
        return new Step(output, membrane);
    }
}
