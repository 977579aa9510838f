package org.ibrasnn.core.model;

import java.util.List;

/**
 * One step of an architecture. Layers with parameters carry a stable {@code name}; their tensors are
 * stored as {@code name.weight}, {@code name.bias}, {@code name.running_mean}, {@code name.running_var}
 * (PyTorch's names).
 */
public sealed interface Layer {

    /** Convolution, weights OIHW; square kernel, equal stride and zero padding on both axes. */
    record Conv(String name, int inChannels, int outChannels, int kernel, int stride, int padding, boolean bias)
            implements Layer {
        public Conv {
            Names.check(name);
            positive("conv " + name, inChannels, outChannels, kernel, stride);
            if (padding < 0) {
                throw new IllegalArgumentException("conv " + name + ": padding must be >= 0, got " + padding);
            }
        }

        /** Output shape for an input of {@code in}; fails when the kernel does not fit. */
        public Shape outputShape(Shape in) {
            return new Shape(outChannels, Windows.out(in.height(), kernel, stride, padding, "conv " + name),
                    Windows.out(in.width(), kernel, stride, padding, "conv " + name));
        }
    }

    /** Batch normalisation over channels (weight = gamma, bias = beta, running statistics, eps). */
    record BatchNorm(String name, int channels, double eps) implements Layer {
        public BatchNorm {
            Names.check(name);
            positive("batchnorm " + name, channels);
            if (!(eps > 0)) {
                throw new IllegalArgumentException("batchnorm " + name + ": eps must be > 0, got " + eps);
            }
        }
    }

    /** The model's activation (a spiking neuron, or ReLU in the ANN twin); each has its own membrane state. */
    record Neuron(String name) implements Layer {
        public Neuron {
            Names.check(name);
        }
    }

    /** Max-pooling; allowed only on membrane-side (real) values, before a neuron. */
    record MaxPool(int kernel, int stride, int padding) implements Layer {
        public MaxPool {
            positive("maxpool", kernel, stride);
            if (padding < 0 || padding * 2 > kernel) {
                throw new IllegalArgumentException("maxpool: padding must be in [0, kernel/2], got " + padding);
            }
        }

        /** Output shape for an input of {@code in}; fails when the window does not fit. */
        public Shape outputShape(Shape in) {
            return new Shape(in.channels(), Windows.out(in.height(), kernel, stride, padding, "maxpool"),
                    Windows.out(in.width(), kernel, stride, padding, "maxpool"));
        }
    }

    /** Mean over all spatial positions; the result is a flat vector of channels. */
    record GlobalAvgPool() implements Layer {}

    /** Reshapes CxHxW into a flat vector (C*H*W, 1, 1) in channel-major order. */
    record Flatten() implements Layer {}

    /** Fully connected layer, weights (out, in). */
    record Linear(String name, int inFeatures, int outFeatures, boolean bias) implements Layer {
        public Linear {
            Names.check(name);
            positive("linear " + name, inFeatures, outFeatures);
        }
    }

    /**
     * Spike-driven residual block with a membrane shortcut:
     * {@code s = entry(x); y = body(s) + (projection.isEmpty() ? x : projection(s))}.
     */
    record Residual(String name, Neuron entry, List<Layer> body, List<Layer> projection) implements Layer {
        public Residual {
            Names.check(name);
            if (entry == null) {
                throw new IllegalArgumentException("residual " + name + ": entry neuron missing");
            }
            body = List.copyOf(body);
            projection = List.copyOf(projection);
            if (body.isEmpty()) {
                throw new IllegalArgumentException("residual " + name + ": empty body");
            }
        }
    }

    private static void positive(String what, int... values) {
        for (int v : values) {
            if (v < 1) {
                throw new IllegalArgumentException(what + ": sizes must be >= 1, got " + v);
            }
        }
    }
}
