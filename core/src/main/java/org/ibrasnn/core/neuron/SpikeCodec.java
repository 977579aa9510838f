package org.ibrasnn.core.neuron;

/**
 * Carries an integer spike count S of one timestep as binary slots at inference: one bit (LIF), D unary
 * slots with slot k = [S > k] (I-LIF), or B bit-planes with plane b = (S >> b) & 1, b = 0..B-1 (IB-LIF,
 * IBRA-LIF; the paper's b = 1..B is off by one). {@link #events} is the number of 1-slots, i.e. the
 * accumulate operations S costs per synapse.
 */
public sealed interface SpikeCodec permits SpikeCodec.Binary, SpikeCodec.Unary, SpikeCodec.BitPlanes {

    /** The codec a neuron setting uses. */
    static SpikeCodec of(NeuronSpec spec) {
        return switch (spec.encoding()) {
            case BINARY -> new Binary();
            case UNARY -> new Unary(spec.maxCount());
            case BIT_PLANES -> new BitPlanes(spec.slotsPerStep());
        };
    }

    /** Slots per timestep. */
    int slots();

    /** Largest count the slots can carry. */
    int maxCount();

    /** Value of slot {@code k} for count {@code s}: 0 or 1. */
    int slot(int s, int k);

    /** Weight of slot {@code k} in the count: 1 for binary/unary, 2^k for bit-planes. */
    int weight(int k);

    /** Number of 1-slots for count {@code s}. */
    int events(int s);

    /** The slots of count {@code s}. */
    default int[] encode(int s) {
        check(s);
        int[] out = new int[slots()];
        for (int k = 0; k < out.length; k++) {
            out[k] = slot(s, k);
        }
        return out;
    }

    /** The count carried by {@code slots}: the weighted sum. */
    default int decode(int[] slots) {
        if (slots.length != slots()) {
            throw new IllegalArgumentException("expected " + slots() + " slots, got " + slots.length);
        }
        int s = 0;
        for (int k = 0; k < slots.length; k++) {
            if (slots[k] != 0 && slots[k] != 1) {
                throw new IllegalArgumentException("slot " + k + " holds " + slots[k] + ", not 0 or 1");
            }
            s += slots[k] * weight(k);
        }
        return s;
    }

    private void check(int s) {
        if (s < 0 || s > maxCount()) {
            throw new IllegalArgumentException("count " + s + " is outside [0, " + maxCount() + "]");
        }
    }

    /** LIF: one binary spike. */
    record Binary() implements SpikeCodec {
        @Override public int slots() { return 1; }
        @Override public int maxCount() { return 1; }
        @Override public int slot(int s, int k) { return s; }
        @Override public int weight(int k) { return 1; }
        @Override public int events(int s) { return s; }
    }

    /** I-LIF: D unary slots. */
    record Unary(int d) implements SpikeCodec {
        @Override public int slots() { return d; }
        @Override public int maxCount() { return d; }
        @Override public int slot(int s, int k) { return s > k ? 1 : 0; }
        @Override public int weight(int k) { return 1; }
        @Override public int events(int s) { return s; }
    }

    /** IB-LIF / IBRA-LIF: B bit-planes, least significant first. */
    record BitPlanes(int bits) implements SpikeCodec {
        @Override public int slots() { return bits; }
        @Override public int maxCount() { return (1 << bits) - 1; }
        @Override public int slot(int s, int k) { return (s >> k) & 1; }
        @Override public int weight(int k) { return 1 << k; }
        @Override public int events(int s) { return Integer.bitCount(s); }
    }
}
