package org.ibrasnn.runtime;

import java.util.List;
import org.ibrasnn.core.model.Shape;

/** One compiled layer of the runtime, with its weights laid out for scattering along output channels. */
sealed interface Node {

    /** Index of this node's statistics in the engine's per-layer counters (-1 when it has none). */
    int stat();

    /** Convolution; {@code weights} in [inC][k][k][outC] order, {@code bias} per output channel. */
    record Conv(int stat, String name, ConvGeometry geometry, WeightArray weights, WeightArray bias) implements Node {}

    /**
     * Fully connected; {@code weights} in [inFeatures][out] order. When the input is a global average of
     * spikes over {@code area} positions, {@code pooledWeights} (the weights divided by the area) are
     * used and input element i feeds feature {@code i / area}, so the pooling costs no multiplication.
     */
    record Linear(int stat, String name, int in, int out, int area, WeightArray weights, WeightArray pooledWeights,
                  WeightArray bias) implements Node {}

    /** The model's activation with its own membrane state (slot {@code state} of the workspace). */
    record Neuron(int stat, String name, int state, Shape shape) implements Node {}

    record MaxPool(Shape input, Shape output, int kernel, int stride, int padding) implements Node {
        @Override public int stat() { return -1; }
    }

    /** Mean over positions: on spikes it only marks them as pooled for the next linear layer. */
    record GlobalAvgPool(Shape input) implements Node {
        @Override public int stat() { return -1; }
    }

    record Flatten() implements Node {
        @Override public int stat() { return -1; }
    }

    /** {@code s = entry(x); y = body(s) + (projection.isEmpty() ? x : projection(s))}. */
    record Residual(Neuron entry, List<Node> body, List<Node> projection) implements Node {
        @Override public int stat() { return -1; }
    }
}
