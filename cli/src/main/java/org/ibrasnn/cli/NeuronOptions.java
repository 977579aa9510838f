package org.ibrasnn.cli;

import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.neuron.ResetMode;
import picocli.CommandLine.Option;

/** The neuron-setting options shared by the commands that build networks. */
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
        return switch (neuron) {
            case "ann" -> new Relu();
            case "lif" -> new LifSpec(threshold, reset, 2.0, alpha, timesteps);
            case "ilif" -> new ILifSpec(integerD(4), alpha, timesteps);
            case "iblif" -> IbLifSpec.ofD(d == null ? 15 : d, alpha, timesteps);
            case "ibra" -> new IbraLifSpec(d == null ? 5.11 : d, n == null ? 100 : n, alpha, timesteps);
            default -> throw new IllegalArgumentException("unknown neuron '" + neuron
                    + "'; choose ann, lif, ilif, iblif or ibra");
        };
    }

    private int integerD(int fallback) {
        if (d == null) {
            return fallback;
        }
        if (d != Math.rint(d) || d < 1 || d > 1 << 20) {
            throw new IllegalArgumentException("I-LIF needs an integer D >= 1, got D=" + d);
        }
        return d.intValue();
    }
}
