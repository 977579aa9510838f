package org.ibrasnn.core.model;

import java.util.function.Function;

/**
 * An op with a weight tensor whose first axis is its output channel ({@code [out, ...]}) and an optional
 * bias: a conv or a linear layer. Only the first weighted op may see the image; every other one consumes
 * neuron outputs. At inference a BatchNorm after it and the range alignment's 1/N before it fold into its
 * weights, so a weighted op also says what it becomes with a bias.
 */
public interface WeightedOp extends Op {

    /** Output channels (features): the weight tensor's first axis. */
    int outputs();

    boolean bias();

    /** The same op with a bias tensor (where a folded BatchNorm's shift goes). */
    WeightedOp withBias();

    /**
     * The weights that multiply its input, {@code [out, ...]} flattened, from its tensors by local name
     * ({@code "weight"}, ...): its {@code weight} unless the op computes them from several tensors.
     */
    default float[] inferenceWeight(Function<String, float[]> tensor) {
        return tensor.apply("weight");
    }

    /** The op inference runs with {@link #inferenceWeight} as its weight: itself unless it computes its weights. */
    default WeightedOp inferenceOp() {
        return this;
    }

    /**
     * The tensor a constant scale of its input or output multiplies (ANN-to-SNN conversion folds stream scales
     * there): {@code weight}, unless the op normalises its weights and carries its scale elsewhere.
     */
    default String scaleTensor() {
        return "weight";
    }

    /** The rule every weighted op shares: it reads the image or spikes, and writes real values. */
    static Flow flow(String what, Flow in) {
        if (in == Flow.REAL) {
            throw new IllegalArgumentException(what + " must consume neuron outputs (spike-driven), but gets REAL");
        }
        return Flow.REAL;
    }
}
