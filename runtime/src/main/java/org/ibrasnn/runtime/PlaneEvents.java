package org.ibrasnn.runtime;

/**
 * The 1-bits of a layer's spike counts, one bit mask per bit-plane: bit {@code i % 64} of word
 * {@code i / 64} of plane b is set when neuron i's count has bit b set. The masks are made without a
 * branch per neuron (with the Vector API, 8 or 16 neurons per instruction), and a consumer visits only the
 * set bits, in ascending neuron order. For a split image, halves of the words are filled on parallel
 * threads, each as soon as its half of the neurons has fired.
 */
final class PlaneEvents {

    private final long[][] words;

    private PlaneEvents(int neurons, int planes) {
        this.words = new long[planes][(neurons + 63) >>> 6];
    }

    /** Masks not yet filled: each of {@code parts} threads then calls {@link #fill} with its part. */
    static PlaneEvents empty(int neurons, int planes) {
        return new PlaneEvents(neurons, planes);
    }

    /**
     * First neuron of part {@code part} of {@code parts} of a layer of {@code neurons}; parts are whole mask
     * words, so no two share one ({@code part == parts} gives the end).
     */
    static int partStart(int neurons, int part, int parts) {
        int totalWords = (neurons + 63) >>> 6;
        return Math.min(neurons, (part * totalWords / parts) << 6);
    }

    /** Fills part {@code part} of {@code parts}: the neurons from {@link #partStart}, whose counts are final. */
    void fill(int[] counts, int part, int parts) {
        int from = partStart(counts.length, part, parts);
        int to = partStart(counts.length, part + 1, parts);
        if (Kernels.VECTOR) {
            VectorKernels.planeMasks(counts, from, to, words);
        } else {
            planeMasksScalar(counts, from, to, words);
        }
    }

    /** The plain loop of the masks of neurons {@code [from, to)}. */
    static void planeMasksScalar(int[] counts, int from, int to, long[][] words) {
        for (int i = from; i < to; i++) {
            for (int bits = counts[i]; bits != 0; bits &= bits - 1) {
                words[Integer.numberOfTrailingZeros(bits)][i >>> 6] |= 1L << i;
            }
        }
    }

    /** Plane b's mask words. */
    long[] plane(int b) {
        return words[b];
    }

    /** Number of set bits of plane b. */
    int size(int b) {
        int n = 0;
        for (long w : words[b]) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /**
     * The weight-row offsets a linear layer adds for one plane, in neuron order: neuron i reads row
     * {@code i / area} (a global average pool's {@code area} positions share a row) of {@code width} floats.
     */
    int[] rows(int plane, int area, int width) {
        long[] mask = words[plane];
        int[] rows = new int[size(plane)];
        int r = 0;
        for (int k = 0; k < mask.length; k++) {
            for (long m = mask[k]; m != 0; m &= m - 1) {
                rows[r++] = ((k << 6) + Long.numberOfTrailingZeros(m)) / area * width;
            }
        }
        return rows;
    }
}
