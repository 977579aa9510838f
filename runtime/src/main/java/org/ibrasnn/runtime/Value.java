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

    private Value(Shape shape, float[] real, int[] counts, int pooledArea) {
        this.shape = shape;
        this.real = real;
        this.counts = counts;
        this.pooledArea = pooledArea;
    }

    static Value real(Shape shape, float[] values) {
        return new Value(shape, values, null, 1);
    }

    static Value spikes(Shape shape, int[] counts, int pooledArea) {
        return new Value(shape, null, counts, pooledArea);
    }

    boolean isSpikes() {
        return counts != null;
    }

    private PlaneEvents planeEvents;

    /** Records bit-plane masks made together with the spikes (a split image's neurons mask as they fire). */
    Value withPlaneEvents(PlaneEvents events) {
        planeEvents = events;
        return this;
    }

    /**
     * The bit-plane masks of these spikes, made on first use and kept, since a residual block's body and
     * projection read the same spikes ({@code split}: two halves of the neurons on parallel threads).
     */
    PlaneEvents planeEvents(int planes, boolean split) {
        if (planeEvents == null) {
            planeEvents = PlaneEvents.of(counts, planes, split);
        }
        return planeEvents;
    }
}
