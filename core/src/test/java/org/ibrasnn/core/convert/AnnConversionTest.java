package org.ibrasnn.core.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.model.ops.StandardizedConv;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.neuron.ResetMode;
import org.junit.jupiter.api.Test;

/** Plain conversion, its input checks, the stream grouping and the scale algebra on known values. */
class AnnConversionTest {

    private static ModelFile model(String arch, Activation activation, float fill) {
        return filled(Architectures.build(arch, new Shape(1, 28, 28), 10, activation), fill);
    }

    /** A training file of {@code spec} with every tensor value {@code fill}. */
    private static ModelFile filled(ModelSpec spec, float fill) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ModelTensors.expected(spec).forEach((name, shape) -> {
            int size = 1;
            for (int d : shape) {
                size *= d;
            }
            float[] v = new float[size];
            java.util.Arrays.fill(v, fill);
            tensors.put(name, Tensor.of(v, shape));
        });
        return new ModelFile("training", spec, Map.of("seed", "1"), tensors);
    }

    @Test
    void plainConversionSwapsTheActivationAndKeepsEveryWeight() {
        ModelFile ann = model("resnet-tiny", new Relu(), 0.5f);
        IbraLifSpec target = IbraLifSpec.paperDefault(1);
        ModelFile snn = AnnConversion.plain(ann, target);
        assertEquals(target, snn.spec().activation());
        assertEquals(ann.spec().graph(), snn.spec().graph());
        assertEquals("training", snn.kind());
        for (var e : ann.tensors().entrySet()) {
            assertSame(e.getValue(), snn.tensors().get(e.getKey()), e.getKey());
        }
        assertEquals("1", snn.provenance().get("seed"));
        assertTrue(snn.provenance().get("conversion").contains("plain"), snn.provenance().toString());
    }

    @Test
    void onlyTrainedReluNetworksConvert() {
        ModelFile snn = model("resnet-tiny", IbraLifSpec.paperDefault(1), 0.5f);
        var e = assertThrows(IllegalArgumentException.class, () -> AnnConversion.plain(snn, LifSpec.of(4)));
        assertTrue(e.getMessage().contains("not an ANN") && e.getMessage().contains("IBRA-LIF"), e.getMessage());
        ModelFile ann = model("resnet-tiny", new Relu(), 0.5f);
        ModelFile inference = new ModelFile("inference", ann.spec(), Map.of(), ann.tensors());
        e = assertThrows(IllegalArgumentException.class, () -> AnnConversion.plain(inference, LifSpec.of(4)));
        assertTrue(e.getMessage().contains("kind 'inference'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AnnConversion.calibrated(ann, LifSpec.of(4), Map.of("head.neuron", 1.0), "test"));
        assertTrue(e.getMessage().contains("layer1.0.neuron0"), e.getMessage());
    }

    @Test
    void identityShortcutsShareAStreamAndProjectionsStartANewOne() {
        Streams s = Streams.of(model("resnet-tiny", new Relu(), 1f).spec().graph());
        Map<String, Integer> n = s.neurons();
        assertEquals(List.of("layer1.0.neuron0", "layer1.0.neuron1", "layer2.0.neuron0", "layer2.0.neuron1",
                "head.neuron"), List.copyOf(n.keySet()));
        assertEquals(n.get("layer1.0.neuron0"), n.get("layer2.0.neuron0"), "stem, block 1 and block 2 input: one stream");
        assertEquals(4, n.values().stream().distinct().count(), n.toString());
        Map<String, Streams.Producer> p = new LinkedHashMap<>();
        s.producers().forEach(x -> p.put(x.weights(), x));
        assertEquals(-1, p.get("stem.conv").reads());
        assertEquals("stem.bn", p.get("stem.conv").batchNorm());
        assertEquals(n.get("layer1.0.neuron0"), p.get("layer1.0.conv2").writes(), "identity block writes its input stream");
        assertEquals(p.get("layer2.0.conv2").writes(), p.get("layer2.0.down.conv").writes());
        assertEquals(n.get("head.neuron"), p.get("layer2.0.down.conv").writes());
        assertNotEquals(n.get("layer2.0.neuron0"), p.get("layer2.0.down.conv").writes());
        assertEquals(n.get("head.neuron"), p.get("head.fc").reads());
        assertEquals(null, p.get("head.fc").batchNorm());
    }

    @Test
    void scalesFoldIntoBatchNormAndAreUndoneByTheReaders() {
        ModelFile ann = model("resnet-tiny", new Relu(), 1f);
        Map<String, Double> levels = new LinkedHashMap<>(Map.of("layer1.0.neuron0", 2.0, "layer1.0.neuron1", 8.0,
                "layer2.0.neuron0", 4.0, "layer2.0.neuron1", 0.0, "head.neuron", 1.0));
        ModelFile snn = AnnConversion.calibrated(ann, new ILifSpec(4, 0.25, 1), levels, "test");
        // Stem stream: the largest level of the neurons reading it is 4, so scale 4 / 4 = 1.
        assertEquals(1f, value(snn, "stem.bn.weight"));
        // layer1.0.neuron1 alone on its stream: scale 4 / 8; conv2 reads it and undoes the 1/2.
        assertEquals(0.5f, value(snn, "layer1.0.bn1.weight"));
        assertEquals(0.5f, value(snn, "layer1.0.bn1.bias"));
        assertEquals(2f, value(snn, "layer1.0.conv2.weight"));
        assertEquals(1f, value(snn, "layer1.0.bn2.weight"));
        // A level of 0 (never positive) keeps scale 1.
        assertEquals(1f, value(snn, "layer2.0.bn1.weight"));
        // Head stream: scale 4 / 1, written by body and projection alike, undone in the classifier only.
        assertEquals(4f, value(snn, "layer2.0.bn2.bias"));
        assertEquals(4f, value(snn, "layer2.0.down.bn.weight"));
        assertEquals(0.25f, value(snn, "head.fc.weight"));
        assertEquals(1f, value(snn, "head.fc.bias"));
        assertEquals(1f, value(snn, "layer1.0.bn1.running_var"), "running statistics are never scaled");
    }

    @Test
    void aStandardizedConvTakesItsScalesInItsGain() {
        // Its standardised weights ignore a scale of the raw weights, so both the scale of the stream it writes
        // and the undoing of the scale of the stream it reads go to its gain (the bias takes the former only).
        ModelSpec spec = new ModelSpec("ws", new Shape(1, 4, 4), 3, new Relu(), new GraphBuilder()
                .then("stem", new StandardizedConv(1, 2, 3, 1, 1, 1e-4)).then("n0", new Neuron())
                .then("c2", new StandardizedConv(2, 2, 3, 1, 1, 1e-4)).then("n1", new Neuron())
                .then(new Flatten()).then("fc", new Linear(32, 3, true)).build());
        ModelFile snn = AnnConversion.calibrated(filled(spec, 1f), new ILifSpec(4, 0.25, 1),
                Map.of("n0", 8.0, "n1", 2.0), "test");
        // n0's stream: scale 4 / 8, written by the stem; n1's: 4 / 2, written by c2, which reads n0's (x 2).
        assertEquals(0.5f, value(snn, "stem.gain"));
        assertEquals(0.5f, value(snn, "stem.bias"));
        assertEquals(1f, value(snn, "stem.weight"));
        assertEquals(4f, value(snn, "c2.gain"));
        assertEquals(2f, value(snn, "c2.bias"));
        assertEquals(1f, value(snn, "c2.weight"));
        assertEquals(0.5f, value(snn, "fc.weight"));
        assertEquals(1f, value(snn, "fc.bias"));
    }

    @Test
    void lifSaturatesAtItsThresholdAndCountingNeuronsAtD() {
        assertEquals(0.5, AnnConversion.saturation(new LifSpec(0.5, ResetMode.SOFT, 2.0, 1.0, 4)));
        assertEquals(2.0, AnnConversion.gain(new LifSpec(0.5, ResetMode.SOFT, 2.0, 1.0, 4)));
        assertEquals(5.11, AnnConversion.saturation(IbraLifSpec.paperDefault(1)), 1e-12);
        assertEquals(4.0, AnnConversion.saturation(new ILifSpec(4, 0.25, 1)));
    }

    private static float value(ModelFile m, String name) {
        return m.tensors().get(name).get(0);
    }
}
