package org.ibrasnn.runtime;

import java.util.List;
import org.ibrasnn.core.neuron.NeuronSpec;

/**
 * Channel concatenation. CHW values are channel-major, so the output is the inputs' arrays one after the
 * other. Spikes stay spikes (of one neuron setting, not pooled): their counts are joined and, when the
 * reader takes bit-planes, the masks are made again for the joined layout.
 */
final class ConcatExecutor implements Executor {

    private final Port out;

    ConcatExecutor(Compiler.Site site) {
        List<Port> in = site.inputs();
        Port first = in.get(0);
        for (Port p : in) {
            if (p.isSpikes() != first.isSpikes() || p.pooledArea() != 1
                    || (p.isSpikes() && !p.encoding().equals(first.encoding()))) {
                throw new IllegalArgumentException("concatenates values of different kinds or neuron settings: " + in);
            }
        }
        NeuronSpec encoding = first.encoding();
        out = first.isSpikes() ? Port.spikes(site.output(), encoding, 1) : Port.real(site.output());
    }

    @Override
    public Port output() {
        return out;
    }

    @Override
    public Value run(Value[] inputs, StepContext step) {
        int size = out.shape().size();
        if (!out.isSpikes()) {
            float[] joined = new float[size];
            int at = 0;
            for (Value v : inputs) {
                System.arraycopy(v.real, 0, joined, at, v.real.length);
                at += v.real.length;
            }
            return Value.real(joined);
        }
        int[] joined = new int[size];
        int at = 0;
        for (Value v : inputs) {
            System.arraycopy(v.counts, 0, joined, at, v.counts.length);
            at += v.counts.length;
        }
        return Value.spikes(joined, step.sendsPlanes(out) ? SpikeMasks.of(joined, out) : null);
    }
}
