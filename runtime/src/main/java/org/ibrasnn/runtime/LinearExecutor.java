package org.ibrasnn.runtime;

import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.runtime.SpikeRuntime.Mode;

/**
 * A fully connected layer, weights in {@code [in][out]} order so that each input adds one contiguous row.
 * When its input is a global average of spikes over {@code area} positions (known from its port), the rows
 * hold the weights divided by the area and input element i adds row {@code i / area}, so the pooling costs
 * no multiplication.
 */
final class LinearExecutor implements Executor {

    private final int stat;
    private final Port in;
    private final int inFeatures;
    private final int outFeatures;
    private final int area;
    private final float[] weights;
    private final float[] bias;

    LinearExecutor(Compiler.Site site) {
        Linear l = (Linear) site.node().op();
        in = site.input();
        inFeatures = l.in();
        outFeatures = l.out();
        area = in.pooledArea();
        float[] w = site.tensor("weight");
        weights = new float[w.length];
        for (int o = 0; o < outFeatures; o++) {
            for (int i = 0; i < inFeatures; i++) {
                weights[i * outFeatures + o] = area == 1 ? w[o * inFeatures + i] : w[o * inFeatures + i] / area;
            }
        }
        bias = site.bias(l.bias(), outFeatures);
        stat = site.weightStat(Linear.TYPE);
    }

    @Override
    public Port output() {
        return Port.real(Shape.flat(outFeatures));
    }

    @Override
    public Value run(Value[] inputs, StepContext step) {
        Value v = inputs[0];
        int out = outFeatures;
        float[][] acc = new float[step.planes(in)][out];
        long events = 0;
        if (!v.isSpikes()) {
            for (int f = 0; f < inFeatures; f++) {
                float value = v.real[f];
                if (value != 0f) {
                    Kernels.axpy(acc[0], 0, weights, f * out, out, value);
                }
            }
        } else if (step.sendsPlanes(in)) {
            for (int plane = 0; plane < acc.length; plane++) {
                int[] rows = v.events.rows(plane, area, out);
                Kernels.addRows(acc[plane], weights, rows, out);
                events += rows.length;
            }
        } else {
            for (int i = 0; i < v.counts.length; i++) {
                int s = v.counts[i];
                if (s == 0) {
                    continue;
                }
                int row = i / area * out;
                if (step.mode == Mode.DENSE) {
                    Kernels.axpy(acc[0], 0, weights, row, out, s);
                    events += in.encoding().events(s);
                } else {
                    for (int k = 0; k < s; k++) {
                        Kernels.add(acc[0], 0, weights, row, out);
                    }
                    events += s;
                }
            }
        }
        if (step.counting) {
            step.counters.weighted(stat, step.t, v, (long) inFeatures * out, events, events * out);
        }
        return Value.real(Accumulators.combine(acc, bias, 1, out));
    }
}
