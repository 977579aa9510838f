package org.ibrasnn.runtime;

import org.ibrasnn.core.model.Shape;

/**
 * What flows between nodes for one image and timestep: real values (membrane side, CHW) or integer spike
 * counts (CHW) that the next layer consumes as binary events; {@code pooledArea > 1} marks spikes that a
 * global average pool summarises for the next linear layer.
 */
final class Value {

    final Shape shape;
    final float[] real;
    final int[] counts;
    final int pooledArea;
    /** The bit-plane masks of {@code counts}, made as the neurons fire when layers consume bit-plane events. */
    final PlaneEvents events;

    private Value(Shape shape, float[] real, int[] counts, int pooledArea, PlaneEvents events) {
        this.shape = shape;
        this.real = real;
        this.counts = counts;
        this.pooledArea = pooledArea;
        this.events = events;
    }

    static Value real(Shape shape, float[] values) {
        return new Value(shape, values, null, 1, null);
    }

    static Value spikes(Shape shape, int[] counts, int pooledArea, PlaneEvents events) {
        return new Value(shape, null, counts, pooledArea, events);
    }

    boolean isSpikes() {
        return counts != null;
    }
}
