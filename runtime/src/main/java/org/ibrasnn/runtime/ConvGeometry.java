package org.ibrasnn.runtime;

import org.ibrasnn.core.model.Layer;
import org.ibrasnn.core.model.Shape;

/**
 * Sizes of one convolution and, per input position, its exact fan-out: the number of (output position,
 * output channel) pairs an input spike reaches, with stride, padding and borders taken into account.
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
    private final int[] fanout;

    ConvGeometry(Layer.Conv conv, Shape input) {
        inC = input.channels();
        inH = input.height();
        inW = input.width();
        outC = conv.outChannels();
        kernel = conv.kernel();
        stride = conv.stride();
        padding = conv.padding();
        outH = (inH + 2 * padding - kernel) / stride + 1;
        outW = (inW + 2 * padding - kernel) / stride + 1;
        fanout = new int[inH * inW];
        for (int y = 0; y < inH; y++) {
            for (int x = 0; x < inW; x++) {
                fanout[y * inW + x] = reach(y, inH, outH) * reach(x, inW, outW) * outC;
            }
        }
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

    /** Synaptic operations one event at input position (y, x) triggers. */
    int fanout(int y, int x) {
        return fanout[y * inW + x];
    }

    /** Multiply-accumulates of one dense pass. */
    long denseMacs() {
        return (long) outC * outH * outW * inC * kernel * kernel;
    }

    Shape outputShape() {
        return new Shape(outC, outH, outW);
    }
}
