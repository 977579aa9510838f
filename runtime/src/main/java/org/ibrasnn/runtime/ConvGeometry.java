package org.ibrasnn.runtime;

import java.util.Arrays;
import java.util.List;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Conv;

/**
 * Sizes of one convolution and, per input position, its exact fan-out: the number of (output position,
 * output channel) pairs an input spike reaches, with stride, padding and borders taken into account. With
 * groups, an input channel reaches only the {@link #groupOut} output channels of its group, so the runs of
 * output offsets are kept per group. The output rows can be split into bands that threads fill side by side
 * for a single image.
 */
final class ConvGeometry {

    final int inC;
    final int inH;
    final int inW;
    final int outC;
    final int outH;
    final int outW;
    final int kernel;
    final int stride;
    final int padding;
    /** Input channels of one group. */
    final int groupIn;
    /** Output channels of one group: those an input channel reaches, and the width of its weight slices. */
    final int groupOut;
    private final int[] fanout;
    /** Per group, per input position: the runs an event reaches. */
    private final int[][][] taps;
    private final int[][][][] bandTaps;

    /** {@code bands}: how many bands of output rows one image may be split into (at most one per row). */
    ConvGeometry(Conv conv, Shape input, int bands) {
        inC = input.channels();
        inH = input.height();
        inW = input.width();
        outC = conv.out();
        kernel = conv.kernel();
        stride = conv.stride();
        padding = conv.padding();
        groupIn = inC / conv.groups();
        groupOut = outC / conv.groups();
        Shape out = conv.outputShape(List.of(input));
        outH = out.height();
        outW = out.width();
        fanout = new int[inH * inW];
        taps = new int[conv.groups()][inH * inW][];
        for (int y = 0; y < inH; y++) {
            for (int x = 0; x < inW; x++) {
                fanout[y * inW + x] = reach(y, inH, outH) * reach(x, inW, outW) * groupOut;
                for (int group = 0; group < taps.length; group++) {
                    taps[group][y * inW + x] = taps(y, x, group * groupOut);
                }
            }
        }
        bandTaps = new int[Math.max(1, Math.min(bands, outH))][taps.length][][];
        for (int b = 0; b < bandTaps.length; b++) {
            for (int group = 0; group < taps.length; group++) {
                bandTaps[b][group] = band(taps[group], bandRows(b), bandRows(b + 1));
            }
        }
    }

    /** Per input position, the runs of {@code taps} that land in output rows {@code [from, to)}. */
    private int[][] band(int[][] taps, int from, int to) {
        int[][] out = new int[taps.length][];
        int rowSize = outW * outC;
        for (int p = 0; p < taps.length; p++) {
            int[] runs = taps[p];
            int[] kept = new int[runs.length];
            int n = 0;
            for (int j = 0; j < runs.length; j += 3) {
                int row = runs[j] / rowSize;
                if (row >= from && row < to) {
                    System.arraycopy(runs, j, kept, n, 3);
                    n += 3;
                }
            }
            out[p] = Arrays.copyOf(kept, n);
        }
        return out;
    }

    /**
     * For input position (y, x) and the group whose outputs start at channel {@code firstOut}: runs (output
     * offset, weight offset, length) covering every kernel tap whose window covers it, as indexes into
     * channel-last accumulators and {@link #weightIndex} ordered weight slices of {@link #groupOut} columns.
     * Without groups, with stride 1, the taps of one kernel row reach adjacent output columns and adjacent
     * weight columns (the columns are stored mirrored), so they merge into one run of up to k x outC floats.
     */
    private int[] taps(int y, int x, int firstOut) {
        int[] runs = new int[3 * kernel * kernel];
        int n = 0;
        for (int ky = 0; ky < kernel; ky++) {
            int sy = y + padding - ky;
            if (sy < 0 || sy % stride != 0 || sy / stride >= outH) {
                continue;
            }
            for (int kx = kernel - 1; kx >= 0; kx--) {
                int sx = x + padding - kx;
                if (sx < 0 || sx % stride != 0 || sx / stride >= outW) {
                    continue;
                }
                int out = ((sy / stride) * outW + sx / stride) * outC + firstOut;
                int weight = weightIndex(ky, kx) * groupOut;
                if (n > 0 && runs[n - 3] + runs[n - 1] == out && runs[n - 2] + runs[n - 1] == weight) {
                    runs[n - 1] += groupOut;
                } else {
                    runs[n++] = out;
                    runs[n++] = weight;
                    runs[n++] = groupOut;
                }
            }
        }
        return Arrays.copyOf(runs, n);
    }

    /** Position of kernel tap (ky, kx) in a [k][k] weight slice: rows in order, columns mirrored. */
    int weightIndex(int ky, int kx) {
        return ky * kernel + (kernel - 1 - kx);
    }

    /**
     * Per group and flat input position, the (output offset, weight offset, length) runs an event there
     * reaches: all of them, or with {@code split} only those in output-row band {@code band} of
     * {@link #bands()}.
     */
    int[][][] taps(boolean split, int band) {
        return split ? bandTaps[band] : taps;
    }

    /** First output row of band {@code b} (and, for {@code b = bands()}, the number of rows). */
    int bandRows(int b) {
        return b * outH / bandTaps.length;
    }

    /** Number of output-row bands a split image uses. */
    int bands() {
        return bandTaps.length;
    }

    /** Number of output rows (or columns) whose kernel window covers input row {@code y}. */
    private int reach(int y, int size, int outSize) {
        int count = 0;
        for (int k = 0; k < kernel; k++) {
            int shifted = y + padding - k;
            if (shifted >= 0 && shifted % stride == 0 && shifted / stride < outSize) {
                count++;
            }
        }
        return count;
    }

    /** Synaptic operations one event at flat input position {@code p} triggers. */
    int fanout(int p) {
        return fanout[p];
    }

    /** Multiply-accumulates of one dense pass. */
    long denseMacs() {
        return (long) outC * outH * outW * groupIn * kernel * kernel;
    }

    Shape outputShape() {
        return new Shape(outC, outH, outW);
    }
}
