package org.ibrasnn.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.junit.jupiter.api.Test;

/** The spec's shape inference and its spike-driven rules, and the architecture catalogue. */
class ModelSpecTest {

    private static final Shape MNIST = new Shape(1, 28, 28);

    private static Layer.Conv conv(String name, int in, int out) {
        return new Layer.Conv(name, in, out, 3, 1, 1, false);
    }

    private static void rejects(List<Layer> layers, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec("t", MNIST, 10, IbraLifSpec.paperDefault(1), layers));
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + e.getMessage() + "' should mention " + w);
        }
    }

    @Test
    void acceptsASpikeDrivenStack() {
        ModelSpec spec = new ModelSpec("t", MNIST, 10, new Relu(), List.of(conv("c1", 1, 4),
                new Layer.BatchNorm("b1", 4, 1e-5), new Layer.MaxPool(2, 2, 0), new Layer.Neuron("n1"),
                conv("c2", 4, 8), new Layer.Neuron("n2"), new Layer.Flatten(), new Layer.Linear("fc", 8 * 14 * 14, 10, true)));
        assertEquals(8, spec.layers().size());
        assertEquals(Shape.flat(10), new Shape(spec.classes(), 1, 1));
    }

    @Test
    void everyLaterConvMustConsumeSpikes() {
        rejects(List.of(conv("c1", 1, 4), conv("c2", 4, 4), new Layer.Neuron("n"), new Layer.GlobalAvgPool(),
                new Layer.Linear("fc", 4, 10, true)), "c2", "spike-driven");
    }

    @Test
    void maxPoolingOnlyOnMembraneValues() {
        rejects(List.of(conv("c1", 1, 4), new Layer.Neuron("n"), new Layer.MaxPool(2, 2, 0), new Layer.GlobalAvgPool(),
                new Layer.Linear("fc", 4, 10, true)), "max-pooling", "SPIKES");
    }

    @Test
    void shapesAndNamesAreChecked() {
        rejects(List.of(conv("c1", 3, 4), new Layer.Neuron("n"), new Layer.GlobalAvgPool(),
                new Layer.Linear("fc", 4, 10, true)), "c1", "3 input channels");
        rejects(List.of(conv("c1", 1, 4), new Layer.Neuron("c1"), new Layer.GlobalAvgPool(),
                new Layer.Linear("fc", 4, 10, true)), "duplicate", "c1");
        rejects(List.of(conv("c1", 1, 4), new Layer.Neuron("n"), new Layer.GlobalAvgPool(),
                new Layer.Linear("fc", 4, 7, true)), "outputs 7x1x1", "10 class");
        rejects(List.of(conv("c1", 1, 4), new Layer.Neuron("n"), new Layer.GlobalAvgPool()), "real-valued logits");
        assertThrows(IllegalArgumentException.class, () -> new Layer.Conv("bad name", 1, 1, 3, 1, 1, false));
    }

    @Test
    void catalogueBuildsEveryArchitectureAtItsInputSize() {
        assertEquals(List.of("resnet-tiny", "resnet-wide", "resnet18-cifar", "resnet18-imagenet", "resnet19-cifar",
                "resnet34-imagenet", "vgg11-cifar"), Architectures.names());
        assertEquals(10, Architectures.build("resnet18-cifar", new Shape(3, 32, 32), 10, new Relu()).classes());
        ModelSpec wide = Architectures.build("resnet-wide", MNIST, 10, new Relu());
        assertEquals(new Layer.Linear("head.fc", 128, 10, true), wide.layers().getLast());
        assertEquals(new Layer.Conv("stem.conv", 1, 64, 3, 1, 1, false), wide.layers().getFirst());
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
