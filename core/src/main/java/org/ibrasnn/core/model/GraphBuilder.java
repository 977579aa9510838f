package org.ibrasnn.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.ibrasnn.core.model.ops.Add;
import org.ibrasnn.core.model.ops.Neuron;

/**
 * Builds a {@link Graph} as chains: each added node reads the previous one unless told otherwise. Nodes
 * without a name of their own (pooling, flattening) are named after the previous node's prefix and their
 * type, e.g. {@code stem.maxpool} after {@code stem.bn}.
 */
public final class GraphBuilder {

    private final List<Node> nodes = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private String last = Graph.INPUT;

    /** Appends {@code op} reading the previous node. */
    public GraphBuilder then(String name, Op op) {
        return node(name, op, List.of(last));
    }

    /** Appends {@code op} reading the previous node, named after it. */
    public GraphBuilder then(Op op) {
        int dot = last.lastIndexOf('.');
        String base = (dot < 0 || last.equals(Graph.INPUT) ? "" : last.substring(0, dot + 1)) + op.type();
        String name = base;
        for (int k = 2; names.contains(name); k++) {
            name = base + "_" + k;
        }
        return then(name, op);
    }

    /** Appends a node with explicit inputs; it becomes the previous node. */
    public GraphBuilder node(String name, Op op, List<String> inputs) {
        nodes.add(new Node(name, op, inputs));
        names.add(name);
        last = name;
        return this;
    }

    /**
     * A spike-driven residual block on the previous node {@code x}: {@code s = entry(x)}, then
     * {@code name = body(s) + (projection == null ? x : projection(s))} as an {@link Add}.
     */
    public GraphBuilder residual(String name, String entry, Consumer<GraphBuilder> body,
                                 Consumer<GraphBuilder> projection) {
        String in = last;
        then(entry, new Neuron());
        String spikes = last;
        body.accept(this);
        String bodyOut = last;
        String shortcut = in;
        if (projection != null) {
            last = spikes;
            projection.accept(this);
            shortcut = last;
        }
        return node(name, new Add(), List.of(bodyOut, shortcut));
    }

    /** The most recently added node. */
    public String last() {
        return last;
    }

    /** The graph whose single output is the last node. */
    public Graph build() {
        return new Graph(nodes, List.of(last));
    }

    /** The graph with these outputs. */
    public Graph build(List<String> outputs) {
        return new Graph(nodes, outputs);
    }
}
