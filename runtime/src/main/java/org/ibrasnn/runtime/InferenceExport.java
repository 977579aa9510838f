package org.ibrasnn.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.WeightedOp;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.CountingNeuronSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;

/**
 * Turns a training model file into an inference one: a weighted node that computes its weights (weight
 * standardisation) gets them computed ({@link WeightedOp#inferenceWeight}), every BatchNorm is folded into
 * the weighted node it reads (its rule is {@link BatchNorm#foldInto}), which gains a bias, and the range
 * alignment's 1/N is folded into every weighted node that consumes neuron outputs ({@code W / N}, N of the
 * neurons it reads), so those nodes receive integer counts and only accumulate. The inference graph is the
 * training graph without its BatchNorm nodes, their readers reading the weighted node instead.
 */
public final class InferenceExport {

    private final ModelSpec spec;
    private final Map<String, Tensor> in;
    private final Map<String, Tensor> out = new LinkedHashMap<>();
    /** Per node: N of the spikes its value carries (0: not spikes). */
    private final Map<String, Integer> factors = new HashMap<>();

    private InferenceExport(ModelFile training) {
        this.spec = training.spec();
        this.in = training.tensors();
    }

    /** Folds a training model file into an inference model file. */
    public static ModelFile fold(ModelFile training) {
        if (!"training".equals(training.kind())) {
            throw new IllegalArgumentException("expected a training model file, got kind '" + training.kind() + "'");
        }
        InferenceExport export = new InferenceExport(training);
        ModelSpec folded = training.spec().withGraph(export.graph());
        Map<String, String> provenance = new LinkedHashMap<>(training.provenance());
        provenance.put("folded", "batchnorm into conv; range alignment 1/N (N=" + export.describeFactors()
                + ") into spike-driven layers");
        return training.derive("inference", folded, provenance, export.out);
    }

    /** N, the number of counts per unit of emitted value (1 for LIF and ReLU). */
    static int rangeFactor(Activation activation) {
        return switch (activation) {
            case Relu r -> 1;
            case LifSpec l -> 1;
            case CountingNeuronSpec c -> c.n();
        };
    }

    private String describeFactors() {
        return spec.activations().stream().map(a -> String.valueOf(rangeFactor(a))).distinct()
                .reduce((a, b) -> a + "/" + b).orElseThrow();
    }

    private Graph graph() {
        Graph g = spec.graph();
        Map<String, String> renamed = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        factors.put(Graph.INPUT, 0);
        for (Node n : g.nodes()) {
            List<String> inputs = n.inputs().stream().map(i -> renamed.getOrDefault(i, i)).toList();
            factors.put(n.name(), factor(n));
            switch (n.op()) {
                case BatchNorm bn -> renamed.put(n.name(), foldedInto(g, n));
                case WeightedOp w -> nodes.add(new Node(n.name(), weighted(n, w, g), inputs));
                default -> nodes.add(new Node(n.name(), n.op(), inputs));
            }
        }
        return new Graph(nodes, g.outputs().stream().map(o -> renamed.getOrDefault(o, o)).toList());
    }

    /** N of the spikes a node outputs: its own for a neuron, its inputs' (which must agree) for pass-through nodes. */
    private int factor(Node n) {
        if (n.op() instanceof Neuron) {
            return rangeFactor(spec.activationOf(n));
        }
        if (n.op() instanceof WeightedOp || n.op() instanceof BatchNorm) {
            return 0;
        }
        int f = factors.get(n.input());
        for (String i : n.inputs()) {
            if (factors.get(i) != f) {
                throw new IllegalArgumentException(n.op().type() + " " + n.name()
                        + " combines spikes of different range factors N; fold needs one N per input");
            }
        }
        return f;
    }

    /**
     * The weighted node's tensors with the BatchNorm that reads it folded in first (it then gains a bias)
     * and 1/N applied after, as the arithmetic of training dictates.
     */
    private WeightedOp weighted(Node n, WeightedOp w, Graph g) {
        float[] weight = w.inferenceWeight(local -> in.get(n.name() + "." + local).toArray());
        WeightedOp inference = w.inferenceOp();
        List<Node> readers = g.consumers(n.name());
        Node norm = readers.size() == 1 && readers.get(0).op() instanceof BatchNorm ? readers.get(0) : null;
        float[] bias = w.bias() ? in.get(n.name() + ".bias").toArray() : new float[w.outputs()];
        if (norm != null) {
            ((BatchNorm) norm.op()).foldInto(weight, bias, tensor(norm, "weight"), tensor(norm, "bias"),
                    tensor(norm, "running_mean"), tensor(norm, "running_var"));
        }
        int f = factors.get(n.input());
        if (f > 1) {
            for (int i = 0; i < weight.length; i++) {
                weight[i] = weight[i] / f;
            }
        }
        out.put(n.name() + ".weight", Tensor.of(weight, inference.tensors().get("weight")));
        if (inference.bias() || norm != null) {
            out.put(n.name() + ".bias", Tensor.of(bias, inference.outputs()));
        }
        return norm != null ? inference.withBias() : inference;
    }

    private float[] tensor(Node n, String suffix) {
        return in.get(n.name() + "." + suffix).toArray();
    }

    /** Checks that a BatchNorm reads a weighted node read by nothing else (which folded it); returns that node. */
    private static String foldedInto(Graph g, Node n) {
        Node producer = n.input().equals(Graph.INPUT) ? null : g.node(n.input());
        if (producer == null || !(producer.op() instanceof WeightedOp) || g.consumers(producer.name()).size() != 1) {
            throw new IllegalArgumentException("batchnorm " + n.name() + " does not directly follow a conv or linear "
                    + "read by nothing else; only such a BatchNorm can be folded");
        }
        return producer.name();
    }
}
