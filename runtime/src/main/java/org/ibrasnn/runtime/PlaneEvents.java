package org.ibrasnn.runtime;

/**
 * The neurons of a layer listed per bit-plane: for plane b, the neurons whose count has bit b set, in
 * ascending order. The neurons are cut into consecutive parts, listed independently (in parallel for a
 * split image); each part's list ends with -1 when it is shorter than the part. One pass over the counts
 * visits only their 1-bits.
 */
final class PlaneEvents {

    private final int[][][] lists;

    private PlaneEvents(int[][][] lists) {
        this.lists = lists;
    }

    /** Lists made part by part elsewhere (by {@link #list}, one part per thread). */
    static PlaneEvents ofParts(int[][][] parts) {
        return new PlaneEvents(parts);
    }

    static PlaneEvents of(int[] counts, int planes, boolean split) {
        int parts = split ? 2 : 1;
        int[][][] lists = new int[parts][][];
        if (split) {
            SplitRunner.shared().run(parts, k -> lists[k] = list(counts, planes, k * counts.length / parts,
                    (k + 1) * counts.length / parts));
        } else {
            lists[0] = list(counts, planes, 0, counts.length);
        }
        return new PlaneEvents(lists);
    }

    /** One part's lists: neurons {@code [from, to)}. */
    static int[][] list(int[] counts, int planes, int from, int to) {
        int[][] lists = new int[planes][to - from];
        int[] sizes = new int[planes];
        for (int i = from; i < to; i++) {
            for (int bits = counts[i]; bits != 0; bits &= bits - 1) {
                int b = Integer.numberOfTrailingZeros(bits);
                lists[b][sizes[b]++] = i;
            }
        }
        for (int b = 0; b < planes; b++) {
            if (sizes[b] < to - from) {
                lists[b][sizes[b]] = -1;
            }
        }
        return lists;
    }

    /** Number of parts; {@link #part} gives part k's list for a plane. */
    int parts() {
        return lists.length;
    }

    int[] part(int k, int plane) {
        return lists[k][plane];
    }

    /**
     * The weight-row offsets a linear layer adds for one plane, in event order: neuron i reads row
     * {@code i / area} (a global average pool's {@code area} positions share a row) of {@code width} floats.
     */
    int[] rows(int plane, int area, int width) {
        int size = 0;
        for (int[][] part : lists) {
            int[] list = part[plane];
            int n = 0;
            while (n < list.length && list[n] >= 0) {
                n++;
            }
            size += n;
        }
        int[] rows = new int[size];
        int r = 0;
        for (int[][] part : lists) {
            int[] list = part[plane];
            for (int k = 0; k < list.length && list[k] >= 0; k++) {
                rows[r++] = list[k] / area * width;
            }
        }
        return rows;
    }
}
