package org.ibrasnn.runtime;

import org.ibrasnn.core.model.Shape;

/**
 * The mean over positions. On spikes it computes nothing: its port marks the counts as pooled over the
 * area, and the linear layer reading them adds one weight row per channel (see {@link LinearExecutor}).
 */
final class GlobalAvgPoolExecutor implements Executor {

    private final int channels;
    private final int area;
    private final Port out;

    GlobalAvgPoolExecutor(Compiler.Site site) {
        Port in = site.input();
        channels = in.shape().channels();
        area = in.shape().height() * in.shape().width();
        out = in.isSpikes() ? in.pooled(Shape.flat(channels), area) : Port.real(Shape.flat(channels));
    }

    @Override
    public Port output() {
        return out;
    }

    @Override
    public Value run(Value[] inputs, StepContext step) {
        Value in = inputs[0];
        if (in.isSpikes()) {
            return in;
        }
        float[] mean = new float[channels];
        for (int c = 0; c < channels; c++) {
            float sum = 0f;
            for (int p = 0; p < area; p++) {
                sum += in.real[c * area + p];
            }
            mean[c] = sum / area;
        }
        return Value.real(mean);
    }
}
