package org.ibrasnn.runtime;

/**
 * What flows between nodes for one image and timestep: real values (membrane side, CHW) or integer spike
 * counts (CHW) that the next layer consumes as binary events. The node's {@link Port} says which, and how
 * the spikes are encoded.
 */
final class Value {

    final float[] real;
    final int[] counts;
    /** The bit-plane masks of {@code counts}, made as the neurons fire when layers consume bit-plane events. */
    final PlaneEvents events;

    private Value(float[] real, int[] counts, PlaneEvents events) {
        this.real = real;
        this.counts = counts;
        this.events = events;
    }

    static Value real(float[] values) {
        return new Value(values, null, null);
    }

    static Value spikes(int[] counts, PlaneEvents events) {
        return new Value(null, counts, events);
    }

    boolean isSpikes() {
        return counts != null;
    }
}
