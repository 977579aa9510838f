package org.ibrasnn.runtime;

import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Upsample;

/**
 * Nearest-neighbour upsampling: output (y, x) of each channel copies input (y / s, x / s). Spikes stay spikes
 * (not pooled), so a conv reading them sends each copy as its own event; their masks are made again for the
 * larger map when the reader takes bit-planes.
 */
final class UpsampleExecutor implements Executor {

    private final int scale;
    private final Shape in;
    private final Port out;

    UpsampleExecutor(Compiler.Site site) {
        scale = ((Upsample) site.node().op()).scale();
        Port input = site.input();
        if (input.pooledArea() != 1) {
            throw new IllegalArgumentException("cannot upsample globally pooled spikes");
        }
        in = input.shape();
        out = input.isSpikes() ? Port.spikes(site.output(), input.encoding(), 1) : Port.real(site.output());
    }

    @Override
    public Port output() {
        return out;
    }

    @Override
    public Value run(Value[] inputs, StepContext step) {
        Value v = inputs[0];
        if (!v.isSpikes()) {
            float[] up = new float[out.shape().size()];
            for (int i = 0; i < up.length; i++) {
                up[i] = v.real[source(i)];
            }
            return Value.real(up);
        }
        int[] up = new int[out.shape().size()];
        for (int i = 0; i < up.length; i++) {
            up[i] = v.counts[source(i)];
        }
        return Value.spikes(up, step.sendsPlanes(out) ? SpikeMasks.of(up, out) : null);
    }

    /** The input index output index {@code i} copies. */
    private int source(int i) {
        int w = in.width() * scale;
        int area = in.height() * scale * w;
        int c = i / area;
        int y = (i % area) / w;
        int x = i % w;
        return (c * in.height() + y / scale) * in.width() + x / scale;
    }
}
