package org.ibrasnn.runtime;

/** Bit-plane masks for counts that were rearranged after their neurons fired (concatenated, upsampled). */
final class SpikeMasks {

    private SpikeMasks() {}

    /** The masks of {@code counts}, encoded as {@code port} says. */
    static PlaneEvents of(int[] counts, Port port) {
        PlaneEvents events = PlaneEvents.empty(counts.length, port.slots());
        events.fill(counts, 0, 1);
        return events;
    }
}
