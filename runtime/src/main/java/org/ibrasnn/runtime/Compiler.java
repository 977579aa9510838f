package org.ibrasnn.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Layer;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;

/** Compiles an inference spec and its tensors into runtime nodes, inferring every shape on the way. */
final class Compiler {

    private final Map<String, Tensor> tensors;
    private final List<StatInfo> stats = new ArrayList<>();
    private int states;
    private boolean pooled;
    private int pooledArea = 1;

    /** Name, kind and size of one counted layer. */
    record StatInfo(String name, String kind, int neurons) {}

    private Compiler(Map<String, Tensor> tensors) {
        this.tensors = tensors;
    }

    /** The compiled program: nodes, counted layers and the number of membrane states. */
    record Program(List<Node> nodes, List<StatInfo> stats, int states, List<Integer> stateSizes) {}

    static Program compile(ModelFile model) {
        if (!"inference".equals(model.kind())) {
            throw new IllegalArgumentException("the runtime needs an inference model (ibra export), got kind '"
                    + model.kind() + "'");
        }
        Compiler c = new Compiler(model.tensors());
        ModelSpec spec = model.spec();
        List<Integer> sizes = new ArrayList<>();
        List<Node> nodes = c.sequence(spec.layers(), spec.stepInput(), sizes);
        return new Program(nodes, List.copyOf(c.stats), c.states, List.copyOf(sizes));
    }

    private Shape shape;

    private List<Node> sequence(List<Layer> layers, Shape input, List<Integer> sizes) {
        shape = input;
        List<Node> nodes = new ArrayList<>();
        for (Layer layer : layers) {
            nodes.add(node(layer, sizes));
        }
        return nodes;
    }

    private Node node(Layer layer, List<Integer> sizes) {
        return switch (layer) {
            case Layer.Conv c -> conv(c);
            case Layer.Linear l -> linear(l);
            case Layer.Neuron n -> neuron(n, sizes);
            case Layer.MaxPool p -> {
                Shape in = shape;
                shape = p.outputShape(in);
                yield new Node.MaxPool(in, shape, p.kernel(), p.stride(), p.padding());
            }
            case Layer.GlobalAvgPool g -> {
                Shape in = shape;
                pooled = true;
                pooledArea = in.height() * in.width();
                shape = Shape.flat(in.channels());
                yield new Node.GlobalAvgPool(in);
            }
            case Layer.Flatten f -> {
                shape = Shape.flat(shape.size());
                yield new Node.Flatten();
            }
            case Layer.BatchNorm b -> throw new IllegalArgumentException("batchnorm " + b.name()
                    + " in an inference model: export folds it into the conv");
            case Layer.Residual r -> {
                Shape in = shape;
                Node.Neuron entry = neuron(r.entry(), sizes);
                List<Node> body = sequence(r.body(), in, sizes);
                Shape out = shape;
                List<Node> projection = r.projection().isEmpty() ? List.of() : sequence(r.projection(), in, sizes);
                shape = out;
                yield new Node.Residual(entry, body, projection);
            }
        };
    }

    private Node.Neuron neuron(Layer.Neuron n, List<Integer> sizes) {
        sizes.add(shape.size());
        stats.add(new StatInfo(n.name(), "neuron", shape.size()));
        return new Node.Neuron(stats.size() - 1, n.name(), states++, shape);
    }

    private Node conv(Layer.Conv c) {
        ConvGeometry g = new ConvGeometry(c, shape, Runtime.getRuntime().availableProcessors());
        float[] oihw = tensor(c.name() + ".weight").toArray();
        float[] scatter = new float[oihw.length];
        int k = c.kernel();
        for (int o = 0; o < g.outC; o++) {
            for (int i = 0; i < g.inC; i++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        scatter[(i * k * k + g.weightIndex(ky, kx)) * g.outC + o] = oihw[((o * g.inC + i) * k + ky) * k + kx];
                    }
                }
            }
        }
        shape = g.outputShape();
        stats.add(new StatInfo(c.name(), "conv", shape.size()));
        return new Node.Conv(stats.size() - 1, c.name(), g, new WeightArray(scatter), bias(c.name(), c.bias(), g.outC));
    }

    private Node linear(Layer.Linear l) {
        float[] w = tensor(l.name() + ".weight").toArray();
        int area = pooled ? pooledArea : 1;
        float[] transposed = new float[w.length];
        float[] pooledWeights = area == 1 ? transposed : new float[w.length];
        for (int o = 0; o < l.outFeatures(); o++) {
            for (int i = 0; i < l.inFeatures(); i++) {
                transposed[i * l.outFeatures() + o] = w[o * l.inFeatures() + i];
                pooledWeights[i * l.outFeatures() + o] = w[o * l.inFeatures() + i] / area;
            }
        }
        pooled = false;
        pooledArea = 1;
        shape = Shape.flat(l.outFeatures());
        stats.add(new StatInfo(l.name(), "linear", l.outFeatures()));
        return new Node.Linear(stats.size() - 1, l.name(), l.inFeatures(), l.outFeatures(), area,
                new WeightArray(transposed), new WeightArray(pooledWeights), bias(l.name(), l.bias(), l.outFeatures()));
    }

    private WeightArray bias(String name, boolean present, int size) {
        return new WeightArray(present ? tensor(name + ".bias").toArray() : new float[size]);
    }

    private Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("inference model lacks tensor " + name);
        }
        return t;
    }
}
