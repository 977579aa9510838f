package org.ibrasnn.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network as a directed acyclic graph: nodes in an order where every input is {@link #INPUT} (one timestep
 * of the image) or an earlier node, and the nodes whose values the network outputs. Construction checks
 * names, references and that every node feeds an output; {@link #analyse} infers shapes and flows.
 */
public record Graph(List<Node> nodes, List<String> outputs) {

    /** The name under which nodes read the network's input. */
    public static final String INPUT = "input";

    public Graph {
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
        if (nodes.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException("a graph needs at least one node and one output");
        }
        Set<String> seen = new HashSet<>();
        for (Node n : nodes) {
            for (String in : n.inputs()) {
                if (!in.equals(INPUT) && !seen.contains(in)) {
                    throw new IllegalArgumentException("node " + n.name() + " reads '" + in + "', which is not "
                            + INPUT + " or an earlier node");
                }
            }
            if (!seen.add(n.name())) {
                throw new IllegalArgumentException("duplicate node name '" + n.name() + "'");
            }
        }
        for (String out : outputs) {
            if (!seen.contains(out)) {
                throw new IllegalArgumentException("output '" + out + "' is not a node");
            }
        }
        Set<String> used = new HashSet<>(outputs);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (!used.contains(n.name())) {
                throw new IllegalArgumentException("node " + n.name() + " feeds no output");
            }
            used.addAll(n.inputs());
        }
    }

    /** The node of this name, or an error. */
    public Node node(String name) {
        for (Node n : nodes) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("no node named '" + name + "'");
    }

    /** The nodes that read {@code name}, in graph order. */
    public List<Node> consumers(String name) {
        return nodes.stream().filter(n -> n.inputs().contains(name)).toList();
    }

    /** Shapes and flows of every node (and of {@link #INPUT}) for one timestep's input of {@code input}. */
    public record Analysis(Map<String, Shape> shapes, Map<String, Flow> flows) {

        public List<Shape> inputShapes(Node n) {
            return n.inputs().stream().map(shapes::get).toList();
        }

        public List<Flow> inputFlows(Node n) {
            return n.inputs().stream().map(flows::get).toList();
        }
    }

    /**
     * Infers every shape and flow, enforcing each op's rules and the spike-driven rule that at most one
     * weighted op reads the image (every other consumes neuron outputs); messages name the node.
     */
    public Analysis analyse(Shape input) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        Map<String, Flow> flows = new HashMap<>();
        shapes.put(INPUT, input);
        flows.put(INPUT, Flow.IMAGE);
        Analysis a = new Analysis(shapes, flows);
        String imageReader = null;
        for (Node n : nodes) {
            List<Flow> in = a.inputFlows(n);
            try {
                if (n.op() instanceof WeightedOp && in.contains(Flow.IMAGE)) {
                    if (imageReader != null) {
                        throw new IllegalArgumentException("only the first conv/linear may see the image, but "
                                + imageReader + " already does");
                    }
                    imageReader = n.name();
                }
                flows.put(n.name(), n.op().outputFlow(in));
                shapes.put(n.name(), n.op().outputShape(a.inputShapes(n)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(n.op().type() + " " + n.name() + ": " + e.getMessage(), e);
            }
        }
        return a;
    }

    /** The graph's nodes with {@code replace} applied to each (same names and inputs where it keeps them). */
    public Graph map(java.util.function.UnaryOperator<Node> replace) {
        List<Node> out = new ArrayList<>();
        nodes.forEach(n -> out.add(replace.apply(n)));
        return new Graph(out, outputs);
    }
}
