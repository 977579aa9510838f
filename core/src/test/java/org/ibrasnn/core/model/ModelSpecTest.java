package org.ibrasnn.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.ibrasnn.core.model.ops.Add;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.MaxPool;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.junit.jupiter.api.Test;

/** The spec's shape inference and its spike-driven rules on the graph, and the architecture catalogue. */
class ModelSpecTest {

    private static final Shape MNIST = new Shape(1, 28, 28);

    private static Conv conv(int in, int out) {
        return new Conv(in, out, 3, 1, 1, false);
    }

    private static ModelSpec spec(Consumer<GraphBuilder> nodes) {
        GraphBuilder g = new GraphBuilder();
        nodes.accept(g);
        return new ModelSpec("t", MNIST, 10, IbraLifSpec.paperDefault(1), g.build());
    }

    private static void rejects(Consumer<GraphBuilder> nodes, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec(nodes));
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + e.getMessage() + "' should mention " + w);
        }
    }

    @Test
    void acceptsASpikeDrivenStack() {
        ModelSpec spec = new ModelSpec("t", MNIST, 10, new Relu(), new GraphBuilder().then("c1", conv(1, 4))
                .then("b1", new BatchNorm(4, 1e-5)).then(new MaxPool(2, 2, 0)).then("n1", new Neuron())
                .then("c2", conv(4, 8)).then("n2", new Neuron()).then(new Flatten())
                .then("fc", new Linear(8 * 14 * 14, 10, true)).build());
        assertEquals(8, spec.graph().nodes().size());
        assertEquals(Shape.flat(10), new Shape(spec.classes(), 1, 1));
        assertEquals(List.of("c1", "b1", "maxpool", "n1", "c2", "n2", "flatten", "fc"),
                spec.graph().nodes().stream().map(Node::name).toList());
        assertEquals(new Shape(8, 14, 14), spec.analysis().shapes().get("n2"));
        assertEquals(Flow.SPIKES, spec.analysis().flows().get("flatten"));
    }

    @Test
    void everyLaterConvMustConsumeSpikes() {
        rejects(g -> g.then("c1", conv(1, 4)).then("c2", conv(4, 4)).then("n", new Neuron())
                .then(new GlobalAvgPool()).then("fc", new Linear(4, 10, true)), "c2", "spike-driven");
    }

    @Test
    void onlyOneConvSeesTheImage() {
        rejects(g -> g.then("c1", conv(1, 4)).node("c2", conv(1, 4), List.of(Graph.INPUT))
                .node("sum", new Add(), List.of("c1", "c2")).then("n", new Neuron()).then(new GlobalAvgPool())
                .then("fc", new Linear(4, 10, true)), "c2", "only the first conv/linear may see the image", "c1");
    }

    @Test
    void maxPoolingOnlyOnMembraneValues() {
        rejects(g -> g.then("c1", conv(1, 4)).then("n", new Neuron()).then(new MaxPool(2, 2, 0))
                .then(new GlobalAvgPool()).then("fc", new Linear(4, 10, true)), "max-pooling", "SPIKES");
    }

    @Test
    void additionsOnlyOfMembraneValuesOfOneShape() {
        rejects(g -> g.then("c1", conv(1, 4)).then("n", new Neuron()).then("c2", conv(4, 4))
                .node("sum", new Add(), List.of("c2", "n")).then("n2", new Neuron()).then(new GlobalAvgPool())
                .then("fc", new Linear(4, 10, true)), "add sum", "SPIKES");
        rejects(g -> g.then("c1", conv(1, 4)).then("n", new Neuron()).then("c2", new Conv(4, 4, 3, 2, 1, false))
                .node("sum", new Add(), List.of("c2", "c1")).then("n2", new Neuron()).then(new GlobalAvgPool())
                .then("fc", new Linear(4, 10, true)), "add sum", "differ in shape");
    }

    @Test
    void shapesNamesAndReferencesAreChecked() {
        rejects(g -> g.then("c1", conv(3, 4)).then("n", new Neuron()).then(new GlobalAvgPool())
                .then("fc", new Linear(4, 10, true)), "c1", "3 input channels");
        rejects(g -> g.then("c1", conv(1, 4)).then("c1", new Neuron()).then(new GlobalAvgPool())
                .then("fc", new Linear(4, 10, true)), "duplicate", "c1");
        rejects(g -> g.then("c1", conv(1, 4)).then("n", new Neuron()).then(new GlobalAvgPool())
                .then("fc", new Linear(4, 7, true)), "outputs 7x1x1", "10 class");
        rejects(g -> g.then("c1", conv(1, 4)).then("n", new Neuron()).then(new GlobalAvgPool()), "real-valued logits");
        rejects(g -> g.then("c1", conv(1, 4)).node("n", new Neuron(), List.of("later")), "n", "later", "earlier node");
        rejects(g -> g.then("c1", conv(1, 4)).then("n", new Neuron()).then("spare", conv(4, 4)).node("gap",
                new GlobalAvgPool(), List.of("n")).then("fc", new Linear(4, 10, true)), "spare", "feeds no output");
        rejects(g -> g.then("c1", conv(1, 4)).node("sum", new Add(), List.of("c1")), "sum", "two or more inputs");
        assertThrows(IllegalArgumentException.class, () -> new Node("bad name", conv(1, 1), List.of(Graph.INPUT)));
        assertThrows(IllegalArgumentException.class, () -> new Node(Graph.INPUT, conv(1, 1), List.of(Graph.INPUT)));
        assertThrows(IllegalArgumentException.class, () -> new Conv(6, 4, 3, 1, 1, 4, false));
    }

    @Test
    void neuronsMaySetTheirOwnActivationButNotTheirOwnTimesteps() {
        ModelSpec mixed = spec(g -> g.then("c1", conv(1, 4)).then("n", new Neuron(Optional.of(new Relu())))
                .then("c2", conv(4, 4)).then("n2", new Neuron()).then(new GlobalAvgPool())
                .then("fc", new Linear(4, 10, true)));
        assertEquals(new Relu(), mixed.activationOf(mixed.graph().node("n")));
        assertEquals(IbraLifSpec.paperDefault(1), mixed.activationOf(mixed.graph().node("n2")));
        assertEquals(2, mixed.activations().size());
        assertEquals(1, mixed.withActivation(new Relu()).activations().size(), "the twin drops per-node settings");
        rejects(g -> g.then("c1", conv(1, 4)).then("n", new Neuron(Optional.of(LifSpec.of(4))))
                .then(new GlobalAvgPool()).then("fc", new Linear(4, 10, true)), "neuron n runs T=4", "T=1");
    }

    @Test
    void residualBlocksAreANeuronTwoChainsAndAnAdd() {
        ModelSpec tiny = Architectures.build("resnet-tiny", MNIST, 10, IbraLifSpec.paperDefault(1));
        Node add = tiny.graph().node("layer2.0");
        assertEquals(new Add(), add.op());
        assertEquals(List.of("layer2.0.bn2", "layer2.0.down.bn"), add.inputs());
        assertEquals(List.of("layer1.0.bn2", "stem.maxpool"), tiny.graph().node("layer1.0").inputs());
        assertEquals(List.of("layer1.0"), tiny.graph().node("layer2.0.neuron0").inputs());
        assertEquals(List.of("layer2.0.neuron0"), tiny.graph().node("layer2.0.down.conv").inputs());
    }

    @Test
    void catalogueBuildsEveryArchitectureAtItsInputSize() {
        assertEquals(List.of("resnet-deep", "resnet-tiny", "resnet-wide", "resnet10-small", "resnet18-cifar", "resnet18-imagenet", "resnet19-cifar",
                "resnet34-imagenet", "spikeyolo-n", "spikeyolo-pico", "spikeyolo-pico-conv", "spikeyolo-pico-ws",
                "vgg11-cifar"), Architectures.names());
        assertEquals(10, Architectures.build("resnet18-cifar", new Shape(3, 32, 32), 10, new Relu()).classes());
        ModelSpec wide = Architectures.build("resnet-wide", MNIST, 10, new Relu());
        assertEquals(new Node("head.fc", new Linear(128, 10, true), List.of("head.global_avg_pool")),
                wide.graph().nodes().getLast());
        assertEquals(new Node("stem.conv", new Conv(1, 64, 3, 1, 1, false), List.of(Graph.INPUT)),
                wide.graph().nodes().getFirst());
        assertEquals(List.of("head.fc"), wide.graph().outputs());
        ModelSpec deep = Architectures.build("resnet-deep", MNIST, 10, new Relu());
        assertEquals(new Node("stem.bn", new BatchNorm(32, 1e-5), List.of("stem.conv")), deep.graph().nodes().get(1));
        assertEquals(List.of("stem.bn"), deep.graph().node("layer1.0.neuron0").inputs());
        assertEquals(new Conv(64, 128, 3, 2, 1, false), deep.graph().node("layer3.0.conv1").op());
        assertEquals(new Node("head.fc", new Linear(128, 10, true), List.of("head.global_avg_pool")),
                deep.graph().nodes().getLast());
        ModelSpec small = Architectures.build("resnet10-small", MNIST, 10, new Relu());
        assertEquals(new Conv(1, 24, 3, 1, 1, false), small.graph().node("stem.conv").op());
        assertEquals(new Conv(128, 256, 3, 2, 1, false), small.graph().node("layer4.0.conv1").op());
        assertEquals(new Conv(128, 256, 1, 2, 0, false), small.graph().node("layer4.0.down.conv").op());
        assertEquals(new Node("head.fc", new Linear(256, 10, true), List.of("head.global_avg_pool")),
                small.graph().nodes().getLast());
        assertEquals(1000, Architectures.build("resnet34-imagenet", new Shape(3, 224, 224), 1000, new Relu()).classes());
        assertEquals(100, Architectures.build("resnet19-cifar", new Shape(3, 32, 32), 100, new Relu()).classes());
        assertEquals(10, Architectures.build("vgg11-cifar", new Shape(3, 32, 32), 10, new Relu()).classes());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Architectures.build("resnet50", MNIST, 10, new Relu()));
        assertTrue(unknown.getMessage().contains("resnet-tiny"), unknown.getMessage());
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> Architectures.build("vgg11-cifar", MNIST, 10, new Relu()));
        assertTrue(tooSmall.getMessage().contains("maxpool"), tooSmall.getMessage());
    }

    @Test
    void shapeParsing() {
        assertEquals(new Shape(3, 32, 32), Shape.parse("3x32x32"));
        assertThrows(IllegalArgumentException.class, () -> Shape.parse("32x32"));
        assertThrows(IllegalArgumentException.class, () -> Shape.parse("ax1x1"));
    }
}
