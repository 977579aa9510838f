package org.ibrasnn.core.model;

import java.util.List;

/**
 * A named node of a network graph: an op applied to the outputs of earlier nodes (or to the graph's input,
 * {@link Graph#INPUT}). Nodes with tensors store them as {@code name.weight}, {@code name.bias}, ...
 * (PyTorch's names).
 */
public record Node(String name, Op op, List<String> inputs) {

    public Node {
        Names.check(name);
        if (name.equals(Graph.INPUT)) {
            throw new IllegalArgumentException("node name '" + Graph.INPUT + "' is reserved for the graph's input");
        }
        if (op == null) {
            throw new IllegalArgumentException("node " + name + ": op missing");
        }
        inputs = List.copyOf(inputs);
        int arity = op.arity();
        if (arity == Op.VARIADIC ? inputs.size() < 2 : inputs.size() != arity) {
            throw new IllegalArgumentException("node " + name + ": " + op.type() + " takes "
                    + (arity == Op.VARIADIC ? "two or more inputs" : arity + " input" + (arity == 1 ? "" : "s"))
                    + ", got " + inputs.size());
        }
    }

    /** The single input of a one-input op. */
    public String input() {
        return inputs.get(0);
    }
}
