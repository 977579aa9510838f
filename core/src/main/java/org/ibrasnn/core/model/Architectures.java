package org.ibrasnn.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.ibrasnn.core.neuron.Activation;

/**
 * The named architectures. {@code resnet-tiny} is sized for 28x28 inputs on two CPU cores (a pooled stem,
 * then one block at 14x14 with 32 channels and one at 7x7 with 64); {@code resnet-wide} is the same shape at twice
 * the width (64, 64, 128: about 4x the compute) for the long recipes. Each is a spike-driven network: a real-valued stem (conv + BN), then
 * residual blocks whose convs consume neuron outputs, then neuron, pooling and a linear classifier.
 */
public final class Architectures {

    /** Parameters a builder needs besides its name. */
    public record Request(Shape input, int classes, Activation activation) {}

    private static final Map<String, Function<Request, ModelSpec>> CATALOGUE = new TreeMap<>(Map.of(
            "resnet-tiny", r -> resnet("resnet-tiny", r, pooledStem(32), new int[] {32, 64}, new int[] {1, 1}),
            "resnet-wide", r -> resnet("resnet-wide", r, pooledStem(64), new int[] {64, 128}, new int[] {1, 1}),
            "resnet18-cifar", r -> resnet("resnet18-cifar", r, cifarStem(64), new int[] {64, 128, 256, 512}, new int[] {2, 2, 2, 2}),
            "resnet19-cifar", r -> resnet19(r),
            "resnet18-imagenet", r -> resnet("resnet18-imagenet", r, imagenetStem(), new int[] {64, 128, 256, 512}, new int[] {2, 2, 2, 2}),
            "resnet34-imagenet", r -> resnet("resnet34-imagenet", r, imagenetStem(), new int[] {64, 128, 256, 512}, new int[] {3, 4, 6, 3}),
            "vgg11-cifar", Architectures::vgg11));

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

    /** A stem: layers plus its output channel count. */
    private record Stem(Function<Integer, List<Layer>> layers, int width) {}

    private static Stem cifarStem(int width) {
        return new Stem(in -> List.of(new Layer.Conv("stem.conv", in, width, 3, 1, 1, false),
                new Layer.BatchNorm("stem.bn", width, 1e-5)), width);
    }

    /** 3x3 conv, BN and 2x2 max-pooling on the membrane side: the cheap stem of resnet-tiny. */
    private static Stem pooledStem(int width) {
        return new Stem(in -> List.of(new Layer.Conv("stem.conv", in, width, 3, 1, 1, false),
                new Layer.BatchNorm("stem.bn", width, 1e-5), new Layer.MaxPool(2, 2, 0)), width);
    }

    private static Stem imagenetStem() {
        return new Stem(in -> List.of(new Layer.Conv("stem.conv", in, 64, 7, 2, 3, false),
                new Layer.BatchNorm("stem.bn", 64, 1e-5), new Layer.MaxPool(3, 2, 1)), 64);
    }

    private static ModelSpec resnet(String arch, Request r, Stem stem, int[] widths, int[] blocks) {
        List<Layer> layers = new ArrayList<>(stem.layers().apply(r.input().channels()));
        int in = stage(layers, stem.width(), widths, blocks);
        head(layers, in, r.classes());
        return new ModelSpec(arch, r.input(), r.classes(), r.activation(), layers);
    }

    private static ModelSpec resnet19(Request r) {
        List<Layer> layers = new ArrayList<>(cifarStem(128).layers().apply(r.input().channels()));
        int in = stage(layers, 128, new int[] {128, 256, 512}, new int[] {3, 3, 2});
        layers.add(new Layer.Neuron("head.neuron"));
        layers.add(new Layer.GlobalAvgPool());
        layers.add(new Layer.Linear("head.fc1", in, 256, true));
        layers.add(new Layer.Neuron("head.fc1_neuron"));
        layers.add(new Layer.Linear("head.fc", 256, r.classes(), true));
        return new ModelSpec("resnet19-cifar", r.input(), r.classes(), r.activation(), layers);
    }

    /** Appends residual stages; the first block of every stage after the first halves the map. */
    private static int stage(List<Layer> layers, int in, int[] widths, int[] blocks) {
        for (int s = 0; s < widths.length; s++) {
            for (int b = 0; b < blocks[s]; b++) {
                int stride = (s > 0 && b == 0) ? 2 : 1;
                layers.add(block("layer" + (s + 1) + "." + b, in, widths[s], stride));
                in = widths[s];
            }
        }
        return in;
    }

    private static Layer.Residual block(String name, int in, int out, int stride) {
        List<Layer> body = List.of(
                new Layer.Conv(name + ".conv1", in, out, 3, stride, 1, false),
                new Layer.BatchNorm(name + ".bn1", out, 1e-5),
                new Layer.Neuron(name + ".neuron1"),
                new Layer.Conv(name + ".conv2", out, out, 3, 1, 1, false),
                new Layer.BatchNorm(name + ".bn2", out, 1e-5));
        List<Layer> projection = (stride == 1 && in == out) ? List.of() : List.of(
                new Layer.Conv(name + ".down.conv", in, out, 1, stride, 0, false),
                new Layer.BatchNorm(name + ".down.bn", out, 1e-5));
        return new Layer.Residual(name, new Layer.Neuron(name + ".neuron0"), body, projection);
    }

    private static void head(List<Layer> layers, int in, int classes) {
        layers.add(new Layer.Neuron("head.neuron"));
        layers.add(new Layer.GlobalAvgPool());
        layers.add(new Layer.Linear("head.fc", in, classes, true));
    }

    private static ModelSpec vgg11(Request r) {
        int[] widths = {64, -1, 128, -1, 256, 256, -1, 512, 512, -1, 512, 512, -1};
        List<Layer> layers = new ArrayList<>();
        int in = r.input().channels();
        int conv = 0;
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] < 0) {
                continue;
            }
            String name = "features." + conv++;
            layers.add(new Layer.Conv(name + ".conv", in, widths[i], 3, 1, 1, false));
            layers.add(new Layer.BatchNorm(name + ".bn", widths[i], 1e-5));
            if (i + 1 < widths.length && widths[i + 1] < 0) {
                layers.add(new Layer.MaxPool(2, 2, 0));
            }
            layers.add(new Layer.Neuron(name + ".neuron"));
            in = widths[i];
        }
        layers.add(new Layer.Flatten());
        layers.add(new Layer.Linear("classifier.fc", in, r.classes(), true));
        return new ModelSpec("vgg11-cifar", r.input(), r.classes(), r.activation(), layers);
    }
}
