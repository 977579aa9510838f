package org.ibrasnn.runtime;

import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.SpikeEncoding;

/**
 * What a node's values are, known when compiling: real values, or spike counts with the neuron setting
 * that emitted them ({@code encoding}: slots per step, bit-planes or not) and, when a global average pool
 * summarises them, the {@code pooledArea} of positions that share one feature of the next linear layer.
 */
record Port(Shape shape, NeuronSpec encoding, int pooledArea) {

    static Port real(Shape shape) {
        return new Port(shape, null, 1);
    }

    static Port spikes(Shape shape, NeuronSpec encoding, int pooledArea) {
        return new Port(shape, encoding, pooledArea);
    }

    boolean isSpikes() {
        return encoding != null;
    }

    /** Spikes whose counts are sent one bit-plane at a time. */
    boolean bitPlanes() {
        return encoding != null && encoding.encoding() == SpikeEncoding.BIT_PLANES;
    }

    /** Slots per timestep of the encoding (bit-planes, unary slots; 1 for real values). */
    int slots() {
        return encoding == null ? 1 : encoding.slotsPerStep();
    }

    /** The same values under another shape (flattening keeps the encoding and the pooled area). */
    Port reshaped(Shape other) {
        return new Port(other, encoding, pooledArea);
    }

    /** These spikes summarised by a global average pool over {@code area} positions, as {@code other}. */
    Port pooled(Shape other, int area) {
        return new Port(other, encoding, area);
    }
}
