package org.ibrasnn.runtime;

import java.util.Arrays;
import java.util.List;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.runtime.SpikeRuntime.Mode;

/**
 * Runs one image at a time (one engine per thread): at each of the T timesteps it walks the program's
 * nodes in graph order, each executor reading its inputs' value slots, and drops a value once its last
 * reader has run. Neurons keep their membranes across the timesteps; the graph's outputs are averaged
 * over them. In {@link Mode#SPIKE_DRIVEN} a conv or linear layer fed by neurons visits only the 1-slots of
 * the spike encoding and accumulates; in {@link Mode#DENSE} it multiplies weights by the counts, for checking.
 */
final class Engine {

    private final Compiler.Program program;
    private final Shape input;
    private final Shape stepInput;
    private final int steps;
    private final boolean frames;
    private final StepContext step;
    private final Value[] slots;
    final Counters counters;

    /**
     * {@code splitImage}: each layer of the image runs its bit-planes (or bands of its output rows) on
     * parallel threads, for single images; the sums and their order stay those of one thread. {@code counting}:
     * fill {@link #counters} (operations, spikes, histograms); off when only the outputs are wanted.
     */
    Engine(Compiler.Program program, ModelSpec spec, Mode mode, boolean splitImage, boolean counting) {
        this(program, spec, mode, splitImage, counting, null);
    }

    Engine(Compiler.Program program, ModelSpec spec, Mode mode, boolean splitImage, boolean counting,
           StepContext.NeuronProbe probe) {
        this.program = program;
        this.input = spec.input();
        this.stepInput = spec.stepInput();
        this.steps = spec.steps();
        this.frames = spec.inputFrames() > 1;
        this.step = new StepContext(program.stats(), program.stateSizes(), steps, mode, splitImage, counting,
                probe);
        this.slots = new Value[program.nodes().size() + 1];
        this.counters = step.counters;
    }

    /** The first output of one image (see {@link #allOutputs}). */
    float[] outputs(float[] image) {
        return allOutputs(image)[0];
    }

    /** Every output of one image concatenated in the graph's order, as a task's evaluator takes them. */
    float[] joinedOutputs(float[] image) {
        float[][] all = allOutputs(image);
        if (all.length == 1) {
            return all[0];
        }
        float[] joined = new float[Arrays.stream(all).mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] a : all) {
            System.arraycopy(a, 0, joined, at, a.length);
            at += a.length;
        }
        return joined;
    }

    /**
     * The outputs of one image (CHW floats; with input frames, frame t at timestep t), one array per graph
     * output in the graph's order, each averaged over the timesteps.
     */
    float[][] allOutputs(float[] image) {
        if (image.length != input.size()) {
            throw new IllegalArgumentException("input has " + image.length + " values but the model expects "
                    + input + " = " + input.size());
        }
        step.reset();
        List<Integer> outputs = program.outputs();
        float[][] sums = new float[outputs.size()][];
        for (int t = 0; t < steps; t++) {
            float[] pixels = frames
                    ? Arrays.copyOfRange(image, t * stepInput.size(), (t + 1) * stepInput.size()) : image;
            run(Value.real(pixels), t);
            for (int k = 0; k < sums.length; k++) {
                float[] out = slots[outputs.get(k)].real;
                if (t == 0) {
                    sums[k] = out.clone();
                } else {
                    for (int i = 0; i < out.length; i++) {
                        sums[k][i] += out[i];
                    }
                }
            }
        }
        Arrays.fill(slots, null);
        if (steps > 1) {
            for (float[] sum : sums) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] /= steps;
                }
            }
        }
        return sums;
    }

    /** One timestep: every node in order, each value dropped after its last reader. */
    private void run(Value in, int t) {
        step.t = t;
        slots[0] = in;
        List<Compiler.CompiledNode> nodes = program.nodes();
        for (int n = 0; n < nodes.size(); n++) {
            Compiler.CompiledNode node = nodes.get(n);
            Value[] inputs = new Value[node.inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = slots[node.inputs[k]];
            }
            slots[n + 1] = node.executor.run(inputs, step);
            for (int r : node.released) {
                slots[r] = null;
            }
        }
    }
}
