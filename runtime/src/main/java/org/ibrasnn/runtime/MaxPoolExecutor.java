package org.ibrasnn.runtime;

import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.MaxPool;

/** Max pooling of real values; a split image pools halves of the channels on parallel threads. */
final class MaxPoolExecutor implements Executor {

    private final Shape input;
    private final Shape output;
    private final int kernel;
    private final int stride;
    private final int padding;

    MaxPoolExecutor(Compiler.Site site) {
        MaxPool p = (MaxPool) site.node().op();
        input = site.input().shape();
        output = site.output();
        kernel = p.kernel();
        stride = p.stride();
        padding = p.padding();
    }

    @Override
    public Port output() {
        return Port.real(output);
    }

    @Override
    public Value run(Value[] inputs, StepContext step) {
        float[] in = inputs[0].real;
        float[] out = new float[output.size()];
        if (step.splitImage) {
            int channels = output.channels();
            SplitRunner.shared().run(2, k -> pool(in, out, k * channels / 2, (k + 1) * channels / 2));
        } else {
            pool(in, out, 0, output.channels());
        }
        return Value.real(out);
    }

    private void pool(float[] in, float[] out, int fromChannel, int toChannel) {
        int h = input.height();
        int w = input.width();
        if (kernel == 2 && stride == 2 && padding == 0) {
            pool2x2(in, out, h, w, output.height(), output.width(), fromChannel, toChannel);
            return;
        }
        for (int c = fromChannel, i = c * output.height() * output.width(); c < toChannel; c++) {
            for (int oy = 0; oy < output.height(); oy++) {
                int y0 = Math.max(0, oy * stride - padding);
                int y1 = Math.min(h, oy * stride - padding + kernel);
                for (int ox = 0; ox < output.width(); ox++, i++) {
                    int x0 = Math.max(0, ox * stride - padding);
                    int x1 = Math.min(w, ox * stride - padding + kernel);
                    float best = Float.NEGATIVE_INFINITY;
                    for (int y = y0; y < y1; y++) {
                        for (int x = x0, j = (c * h + y) * w + x0; x < x1; x++, j++) {
                            best = Math.max(best, in[j]);
                        }
                    }
                    out[i] = best;
                }
            }
        }
    }

    /** The common 2x2, stride 2, unpadded window without the general loop's bounds ({@code Math.max} associates). */
    private static void pool2x2(float[] in, float[] out, int h, int w, int outH, int outW, int fromChannel,
                                int toChannel) {
        for (int c = fromChannel, i = c * outH * outW; c < toChannel; c++) {
            for (int oy = 0; oy < outH; oy++) {
                int top = (c * h + 2 * oy) * w;
                int bottom = top + w;
                for (int ox = 0; ox < outW; ox++, i++) {
                    int x = 2 * ox;
                    out[i] = Math.max(Math.max(in[top + x], in[top + x + 1]),
                            Math.max(in[bottom + x], in[bottom + x + 1]));
                }
            }
        }
    }
}
