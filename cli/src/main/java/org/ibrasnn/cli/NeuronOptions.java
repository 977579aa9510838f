package org.ibrasnn.cli;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.ResetMode;
import org.ibrasnn.experiments.neuron.NeuronParameters;
import org.ibrasnn.experiments.neuron.NeuronRegistry;
import picocli.CommandLine.Option;

/** The neuron-setting options shared by the commands that build networks; the library's registry builds the activation. */
final class NeuronOptions {

    @Option(names = "--neuron", defaultValue = "ibra",
            description = "ann (ReLU twin), lif, ilif, iblif or ibra (default: ${DEFAULT-VALUE}).")
    String neuron;

    @Option(names = "--D", description = "Clipping level D (default: ibra 5.11, ilif 4, iblif 15).")
    Double d;

    @Option(names = "--N", description = "Range-alignment factor N for ibra (default: 100).")
    Integer n;

    @Option(names = "--T", defaultValue = "1", description = "Timesteps T (default: ${DEFAULT-VALUE}).")
    int timesteps;

    @Option(names = "--alpha", defaultValue = "0.25", description = "Membrane decay alpha in (0, 1] (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--threshold", defaultValue = "1.0", description = "LIF firing threshold (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--reset", defaultValue = "SOFT", description = "LIF reset: SOFT or HARD (default: ${DEFAULT-VALUE}).")
    ResetMode reset;

    /** The activation these options describe, or an IllegalArgumentException naming the bad value. */
    Activation activation() {
        return NeuronRegistry.standard().create(neuron, new NeuronParameters(
                d == null ? OptionalDouble.empty() : OptionalDouble.of(d), n == null ? OptionalInt.empty() : OptionalInt.of(n),
                timesteps, alpha, threshold, reset));
    }
}
