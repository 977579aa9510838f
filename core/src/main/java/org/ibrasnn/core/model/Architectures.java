package org.ibrasnn.core.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.MaxPool;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.task.Task;

/**
 * The named architectures. {@code resnet-tiny} is sized for 28x28 inputs on two CPU cores (a pooled stem,
 * then one block at 14x14 with 32 channels and one at 7x7 with 64); {@code resnet-wide} is the same shape at twice
 * the width (64, 64, 128: about 4x the compute) for the long recipes; {@code resnet-deep} keeps the full 28x28
 * resolution (an unpooled 32-channel stem, then one block each at 28x28/32, 14x14/64 and 7x7/128: 1.4x the
 * compute of resnet-wide), so that the first block sees the fine texture that tells shirts from T-shirts;
 * {@code resnet10-small} is a ResNet-10 layout (one block per stage) with a fourth stage at 4x4: 24, 64, 128 and
 * 256 channels, 1.2 M parameters for 44 M MACs, since capacity at 4x4 costs few MACs per parameter. Each is
 * a spike-driven network: a real-valued stem (conv + BN), then residual blocks whose convs consume neuron outputs,
 * then neuron, pooling and a linear classifier.
 * {@code spikeyolo-n} (SpikeYOLO's n: 640x640x3, 80 classes), {@code spikeyolo-pico} (64x64x1 scenes, 10
 * classes, a CPU-sized member), {@code spikeyolo-pico-conv} (pico without depthwise convs, for CPU speed) and
 * {@code spikeyolo-pico-ws} (pico-conv with a weight-standardised stem) are detectors for the {@code detect}
 * task ({@link SpikeYolo}).
 */
public final class Architectures {

    /** Parameters a builder needs besides its name. */
    public record Request(Shape input, int classes, Activation activation) {}

    private static final Map<String, Function<Request, ModelSpec>> CATALOGUE = new TreeMap<>(Map.ofEntries(
            Map.entry("resnet-deep", r -> resnet("resnet-deep", r, cifarStem(32), new int[] {32, 64, 128}, new int[] {1, 1, 1})),
            Map.entry("resnet-tiny", r -> resnet("resnet-tiny", r, pooledStem(32), new int[] {32, 64}, new int[] {1, 1})),
            Map.entry("resnet10-small", r -> resnet("resnet10-small", r, cifarStem(24), new int[] {24, 64, 128, 256}, new int[] {1, 1, 1, 1})),
            Map.entry("resnet-wide", r -> resnet("resnet-wide", r, pooledStem(64), new int[] {64, 128}, new int[] {1, 1})),
            Map.entry("resnet18-cifar", r -> resnet("resnet18-cifar", r, cifarStem(64), new int[] {64, 128, 256, 512}, new int[] {2, 2, 2, 2})),
            Map.entry("resnet19-cifar", r -> resnet19(r)),
            Map.entry("resnet18-imagenet", r -> resnet("resnet18-imagenet", r, imagenetStem(), new int[] {64, 128, 256, 512}, new int[] {2, 2, 2, 2})),
            Map.entry("resnet34-imagenet", r -> resnet("resnet34-imagenet", r, imagenetStem(), new int[] {64, 128, 256, 512}, new int[] {3, 4, 6, 3})),
            Map.entry("vgg11-cifar", Architectures::vgg11),
            Map.entry("spikeyolo-n", r -> SpikeYolo.build("spikeyolo-n", r, SpikeYolo.N)),
            Map.entry("spikeyolo-pico", r -> SpikeYolo.build("spikeyolo-pico", r, SpikeYolo.PICO)),
            Map.entry("spikeyolo-pico-conv", r -> SpikeYolo.build("spikeyolo-pico-conv", r, SpikeYolo.PICO_CONV)),
            Map.entry("spikeyolo-pico-ws", r -> SpikeYolo.build("spikeyolo-pico-ws", r, SpikeYolo.PICO_WS))));

    /**
     * The detector trained when none is named ({@code train --task detect}, {@code ablation table6}): of the
     * CPU-sized detectors, the one that scores highest on the reference scenes in the same training time.
     */
    public static final String DETECTOR = "spikeyolo-pico-conv";

    private Architectures() {}

    /** The architecture names, sorted. */
    public static List<String> names() {
        return List.copyOf(CATALOGUE.keySet());
    }

    /** Builds a named architecture, or fails naming the known ones. */
    public static ModelSpec build(String name, Shape input, int classes, Activation activation) {
        Function<Request, ModelSpec> builder = CATALOGUE.get(name);
        if (builder == null) {
            throw new IllegalArgumentException("unknown architecture '" + name + "'; known: " + String.join(", ", names()));
        }
        return builder.apply(new Request(input, classes, activation));
    }

    /** The task an architecture is built for (its spec's, at any input and class count). */
    public static Task taskOf(String name) {
        return build(name, new Shape(1, 64, 64), 10, new Relu()).task();
    }

    /** A stem: appends its nodes for an input of the given channels; {@code width} is its output channel count. */
    private record Stem(java.util.function.BiConsumer<GraphBuilder, Integer> nodes, int width) {}

    private static Stem cifarStem(int width) {
        return new Stem((g, in) -> g.then("stem.conv", new Conv(in, width, 3, 1, 1, false))
                .then("stem.bn", new BatchNorm(width, 1e-5)), width);
    }

    /** 3x3 conv, BN and 2x2 max-pooling on the membrane side: the cheap stem of resnet-tiny. */
    private static Stem pooledStem(int width) {
        return new Stem((g, in) -> g.then("stem.conv", new Conv(in, width, 3, 1, 1, false))
                .then("stem.bn", new BatchNorm(width, 1e-5)).then(new MaxPool(2, 2, 0)), width);
    }

    private static Stem imagenetStem() {
        return new Stem((g, in) -> g.then("stem.conv", new Conv(in, 64, 7, 2, 3, false))
                .then("stem.bn", new BatchNorm(64, 1e-5)).then(new MaxPool(3, 2, 1)), 64);
    }

    private static ModelSpec resnet(String arch, Request r, Stem stem, int[] widths, int[] blocks) {
        GraphBuilder g = new GraphBuilder();
        stem.nodes().accept(g, r.input().channels());
        int in = stage(g, stem.width(), widths, blocks);
        head(g, in, r.classes());
        return new ModelSpec(arch, r.input(), r.classes(), r.activation(), g.build());
    }

    private static ModelSpec resnet19(Request r) {
        GraphBuilder g = new GraphBuilder();
        cifarStem(128).nodes().accept(g, r.input().channels());
        int in = stage(g, 128, new int[] {128, 256, 512}, new int[] {3, 3, 2});
        g.then("head.neuron", new Neuron()).then(new GlobalAvgPool())
                .then("head.fc1", new Linear(in, 256, true))
                .then("head.fc1_neuron", new Neuron())
                .then("head.fc", new Linear(256, r.classes(), true));
        return new ModelSpec("resnet19-cifar", r.input(), r.classes(), r.activation(), g.build());
    }

    /** Appends residual stages; the first block of every stage after the first halves the map. */
    private static int stage(GraphBuilder g, int in, int[] widths, int[] blocks) {
        for (int s = 0; s < widths.length; s++) {
            for (int b = 0; b < blocks[s]; b++) {
                int stride = (s > 0 && b == 0) ? 2 : 1;
                block(g, "layer" + (s + 1) + "." + b, in, widths[s], stride);
                in = widths[s];
            }
        }
        return in;
    }

    private static void block(GraphBuilder g, String name, int in, int out, int stride) {
        g.residual(name, name + ".neuron0", body -> body
                        .then(name + ".conv1", new Conv(in, out, 3, stride, 1, false))
                        .then(name + ".bn1", new BatchNorm(out, 1e-5))
                        .then(name + ".neuron1", new Neuron())
                        .then(name + ".conv2", new Conv(out, out, 3, 1, 1, false))
                        .then(name + ".bn2", new BatchNorm(out, 1e-5)),
                (stride == 1 && in == out) ? null : down -> down
                        .then(name + ".down.conv", new Conv(in, out, 1, stride, 0, false))
                        .then(name + ".down.bn", new BatchNorm(out, 1e-5)));
    }

    private static void head(GraphBuilder g, int in, int classes) {
        g.then("head.neuron", new Neuron()).then(new GlobalAvgPool()).then("head.fc", new Linear(in, classes, true));
    }

    private static ModelSpec vgg11(Request r) {
        int[] widths = {64, -1, 128, -1, 256, 256, -1, 512, 512, -1, 512, 512, -1};
        GraphBuilder g = new GraphBuilder();
        int in = r.input().channels();
        int conv = 0;
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] < 0) {
                continue;
            }
            String name = "features." + conv++;
            g.then(name + ".conv", new Conv(in, widths[i], 3, 1, 1, false));
            g.then(name + ".bn", new BatchNorm(widths[i], 1e-5));
            if (i + 1 < widths.length && widths[i + 1] < 0) {
                g.then(new MaxPool(2, 2, 0));
            }
            g.then(name + ".neuron", new Neuron());
            in = widths[i];
        }
        g.then(new Flatten()).then("classifier.fc", new Linear(in, r.classes(), true));
        return new ModelSpec("vgg11-cifar", r.input(), r.classes(), r.activation(), g.build());
    }
}
