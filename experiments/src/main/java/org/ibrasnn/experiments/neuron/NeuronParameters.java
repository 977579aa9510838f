package org.ibrasnn.experiments.neuron;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.ibrasnn.core.neuron.ResetMode;

/**
 * The parameters a neuron setting is built from. {@code d} and {@code n} are optional: each setting has its own
 * default (IBRA-LIF 5.11 and 100, I-LIF 4, IB-LIF 15); the others apply where the setting uses them.
 */
public record NeuronParameters(OptionalDouble d, OptionalInt n, int timesteps, double alpha, double threshold,
                               ResetMode reset) {

    /** Every default: D and N unset, T = 1, alpha = 0.25, LIF threshold 1 with soft reset. */
    public static NeuronParameters defaults() {
        return new NeuronParameters(OptionalDouble.empty(), OptionalInt.empty(), 1, 0.25, 1.0, ResetMode.SOFT);
    }
}
