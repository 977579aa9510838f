package org.ibrasnn.core.model;

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

    /** The rule every weighted op shares: it reads the image or spikes, and writes real values. */
    static Flow flow(String what, Flow in) {
        if (in == Flow.REAL) {
            throw new IllegalArgumentException(what + " must consume neuron outputs (spike-driven), but gets REAL");
        }
        return Flow.REAL;
    }
}
