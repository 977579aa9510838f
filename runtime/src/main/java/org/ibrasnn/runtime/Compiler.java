package org.ibrasnn.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.NeuronSpec;

/**
 * Compiles an inference spec and its tensors into a {@link Program}: one executor per node (from
 * {@link OpExecutors}), the value slots each reads, the counted layers and the membrane states.
 */
final class Compiler {

    /** Bins of the emitted-count histograms at most: one per count 0..D*N. */
    static final int MAX_BINS = 1 << 13;

    private final Map<String, Tensor> tensors;
    private final Activation network;
    private final List<StatInfo> stats = new ArrayList<>();
    private final List<Integer> stateSizes = new ArrayList<>();

    /**
     * Name, kind and size of one counted layer (convs, linears and neurons, in graph order); a neuron layer's
     * {@code slots} per step and {@code bins} of its count histogram (weight layers have none).
     */
    record StatInfo(String name, String kind, int neurons, int slots, int bins) {}

    /**
     * The compiled program: the nodes in graph order, the slot each output is read from, the counted layers
     * and the sizes of the membrane states. Slot 0 holds the step's input, slot {@code i + 1} node i's value.
     */
    record Program(List<CompiledNode> nodes, List<Integer> outputs, List<StatInfo> stats, List<Integer> stateSizes) {}

    /** A node's executor, the slots of its inputs, and the slots no later node reads once it has run. */
    static final class CompiledNode {
        final Executor executor;
        final int[] inputs;
        final int[] released;

        CompiledNode(Executor executor, int[] inputs, int[] released) {
            this.executor = executor;
            this.inputs = inputs;
            this.released = released;
        }
    }

    /** A compiler for tensors whose neurons default to {@code network}'s activation. */
    Compiler(Map<String, Tensor> tensors, Activation network) {
        this.tensors = tensors;
        this.network = network;
    }

    static Program compile(ModelFile model) {
        if (!"inference".equals(model.kind())) {
            throw new IllegalArgumentException("the runtime needs an inference model (a training model folded by "
                    + "the inference export), got kind '" + model.kind() + "'");
        }
        ModelSpec spec = model.spec();
        Compiler c = new Compiler(model.tensors(), spec.activation());
        Graph graph = spec.graph();
        Graph.Analysis analysis = spec.analysis();
        Map<String, Integer> slots = new HashMap<>();
        Map<String, Integer> lastReader = new HashMap<>();
        Map<String, Port> ports = new HashMap<>();
        slots.put(Graph.INPUT, 0);
        ports.put(Graph.INPUT, Port.real(spec.stepInput()));
        for (int i = 0; i < graph.nodes().size(); i++) {
            for (String in : graph.nodes().get(i).inputs()) {
                lastReader.put(in, i);
            }
        }
        List<CompiledNode> nodes = new ArrayList<>();
        for (int i = 0; i < graph.nodes().size(); i++) {
            Node n = graph.nodes().get(i);
            List<Port> inputs = n.inputs().stream().map(ports::get).toList();
            Executor e = c.executor(n, inputs, analysis.shapes().get(n.name()));
            ports.put(n.name(), e.output());
            slots.put(n.name(), i + 1);
            int node = i;
            int[] released = n.inputs().stream().distinct()
                    .filter(in -> lastReader.get(in) == node && !graph.outputs().contains(in))
                    .mapToInt(slots::get).toArray();
            nodes.add(new CompiledNode(e, n.inputs().stream().mapToInt(slots::get).toArray(), released));
        }
        for (String out : graph.outputs()) {
            if (ports.get(out).isSpikes()) {
                throw new IllegalArgumentException("output " + out + " carries spikes; the runtime outputs real "
                        + "values");
            }
        }
        return new Program(List.copyOf(nodes), graph.outputs().stream().map(slots::get).toList(), c.stats(),
                c.stateSizes());
    }

    /** Compiles one node reading values described by {@code inputs}; its output has shape {@code output}. */
    Executor executor(Node node, List<Port> inputs, Shape output) {
        try {
            return OpExecutors.create(new Site(node, inputs, output));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(node.op().type() + " " + node.name() + ": " + e.getMessage(), e);
        }
    }

    /** The counted layers registered so far. */
    List<StatInfo> stats() {
        return List.copyOf(stats);
    }

    /** The sizes of the membrane states registered so far. */
    List<Integer> stateSizes() {
        return List.copyOf(stateSizes);
    }

    /** What an executor factory sees of the node it compiles, and where it registers counters and state. */
    final class Site {

        private final Node node;
        private final List<Port> inputs;
        private final Shape output;

        private Site(Node node, List<Port> inputs, Shape output) {
            this.node = node;
            this.inputs = inputs;
            this.output = output;
        }

        Node node() {
            return node;
        }

        /** The ports of the node's inputs, in input order. */
        List<Port> inputs() {
            return inputs;
        }

        /** The port of a single-input node's input. */
        Port input() {
            return inputs.get(0);
        }

        /** The node's output shape. */
        Shape output() {
            return output;
        }

        /** The activation of a neuron node: its own, or the network's. */
        Activation activation() {
            return ((Neuron) node.op()).activation(network);
        }

        /** The node's tensor {@code name.suffix}, as floats. */
        float[] tensor(String suffix) {
            Tensor t = tensors.get(node.name() + "." + suffix);
            if (t == null) {
                throw new IllegalArgumentException("inference model lacks tensor " + node.name() + "." + suffix);
            }
            return t.toArray();
        }

        /** The node's bias, or zeros when it has none. */
        float[] bias(boolean present, int size) {
            return present ? tensor("bias") : new float[size];
        }

        /** Registers the node as a counted weight layer ({@code conv}, {@code linear}); returns its index. */
        int weightStat(String kind) {
            stats.add(new StatInfo(node.name(), kind, output.size(), 0, 0));
            return stats.size() - 1;
        }

        /** Registers the node as a counted neuron layer of this activation; returns its index. */
        int neuronStat(Activation activation) {
            int slots = activation instanceof NeuronSpec n ? n.slotsPerStep() : 1;
            int bins = activation instanceof NeuronSpec n ? (int) Math.min(MAX_BINS, n.maxCount() + 1L) : 1;
            stats.add(new StatInfo(node.name(), "neuron", output.size(), slots, bins));
            return stats.size() - 1;
        }

        /** Registers a membrane state of {@code size} floats, zeroed at each image; returns its index. */
        int state(int size) {
            stateSizes.add(size);
            return stateSizes.size() - 1;
        }
    }
}
