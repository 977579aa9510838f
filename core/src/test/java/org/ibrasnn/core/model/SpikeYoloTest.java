package org.ibrasnn.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ibrasnn.core.energy.DenseOperations;
import org.ibrasnn.core.io.ModelSpecJson;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.StandardizedConv;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.task.Detection;
import org.junit.jupiter.api.Test;

/** The SpikeYOLO detectors: spike-driven with the detect head, and sized as documented. */
class SpikeYoloTest {

    @Test
    void nMatchesSpikeYolosThirteenPointTwoMillionParameters() {
        ModelSpec n = Architectures.build("spikeyolo-n", new Shape(3, 640, 640), 80, IbraLifSpec.paperDefault(1));
        long params = ModelTensors.parameters(n);
        System.out.printf("spikeyolo-n: %d parameters (%.4f M, %+.2f %% vs SpikeYOLO's 13.2 M), %.2f G MACs%n",
                params, params / 1e6, 100 * (params / 13.2e6 - 1), DenseOperations.perImage(n) / 1e9);
        assertTrue(Math.abs(params / 13.2e6 - 1) < 0.02, "parameters " + params);
        assertEquals(Detection.NAME, n.task().name());
        assertEquals(List.of(new Shape(144, 80, 80), new Shape(144, 40, 40), new Shape(144, 20, 20)),
                n.heads().stream().map(h -> h.output()).toList());
    }

    @Test
    void picoIsCpuSizedForTheSyntheticScenes() {
        ModelSpec pico = Architectures.build("spikeyolo-pico", new Shape(1, 64, 64), 10, new Relu());
        long params = ModelTensors.parameters(pico);
        long macs = DenseOperations.perImage(pico);
        System.out.printf("spikeyolo-pico: %d parameters (%.3f M), %.1f M MACs%n", params, params / 1e6, macs / 1e6);
        assertTrue(macs > 50e6 && macs < 150e6, "MACs " + macs);
        assertEquals(List.of(new Shape(74, 8, 8), new Shape(74, 4, 4), new Shape(74, 2, 2)),
                pico.heads().stream().map(h -> h.output()).toList());
    }

    @Test
    void picoConvHasNoDepthwiseConvsAndATwoStepStem() {
        ModelSpec conv = Architectures.build("spikeyolo-pico-conv", new Shape(1, 64, 64), 10, new Relu());
        long params = ModelTensors.parameters(conv);
        long macs = DenseOperations.perImage(conv);
        System.out.printf("spikeyolo-pico-conv: %d parameters (%.3f M), %.1f M MACs%n", params, params / 1e6,
                macs / 1e6);
        List<Conv> convs = conv.graph().nodes().stream().filter(n -> n.op() instanceof Conv)
                .map(n -> (Conv) n.op()).toList();
        assertTrue(convs.stream().allMatch(c -> c.groups() == 1), "no depthwise conv");
        assertTrue(conv.graph().nodes().stream().noneMatch(n -> n.name().contains(".sep.")), "no separable blocks");
        assertEquals(new Conv(1, 12, 3, 2, 1, 1, true), conv.graph().node("stem.conv").op());
        assertEquals(List.of("stem.bn"), conv.graph().node("stem2.neuron").inputs());
        assertEquals(new Conv(12, 24, 3, 2, 1, 1, false), conv.graph().node("stem2.conv").op());
        assertEquals(new Conv(96, 288, 3, 1, 1, 1, false), conv.graph().node("stage3.0.mlp.conv1.conv").op(),
                "a full 3x3 conv where pico factors it");
        assertEquals(List.of(new Shape(74, 8, 8), new Shape(74, 4, 4), new Shape(74, 2, 2)),
                conv.heads().stream().map(h -> h.output()).toList());
        assertEquals(84_646_272L, macs);
    }

    @Test
    void picoWsIsPicoConvWithAWeightStandardisedStem() {
        ModelSpec conv = Architectures.build("spikeyolo-pico-conv", new Shape(1, 64, 64), 10, new Relu());
        ModelSpec ws = Architectures.build("spikeyolo-pico-ws", new Shape(1, 64, 64), 10, new Relu());
        assertEquals(new StandardizedConv(1, 12, 3, 2, 1, StandardizedConv.EPS), ws.graph().node("stem.conv").op());
        assertEquals(List.of("stem.conv"), ws.graph().node("stem2.neuron").inputs());
        assertEquals(new StandardizedConv(12, 24, 3, 2, 1, StandardizedConv.EPS), ws.graph().node("stem2.conv").op());
        assertEquals(List.of("stem2.conv"), ws.graph().node("stage1.0.mlp.neuron").inputs());
        // The same nodes after the stem (names and ops; readers of the stem read stem2.conv, not stem2.bn).
        assertEquals(conv.graph().nodes().stream().skip(5).map(n -> n.name() + " " + n.op()).toList(),
                ws.graph().nodes().stream().skip(3).map(n -> n.name() + " " + n.op()).toList());
        assertEquals(ModelTensors.parameters(conv) - 12, ModelTensors.parameters(ws),
                "a gain and a bias per channel instead of BatchNorm's gamma and beta, and no separate stem bias");
        assertEquals(DenseOperations.perImage(conv), DenseOperations.perImage(ws));
    }

    @Test
    void picoIsSpikeDrivenAndSurvivesItsJson() {
        ModelSpec snn = Architectures.build("spikeyolo-pico", new Shape(1, 64, 64), 10, IbraLifSpec.paperDefault(1));
        ModelSpec back = ModelSpecJson.fromJson(ModelSpecJson.toJson(snn));
        assertEquals(snn.graph(), back.graph());
        assertEquals(Detection.NAME, back.task().name());
        assertEquals(snn.withActivation(new Relu()).graph(), Architectures.build("spikeyolo-pico",
                new Shape(1, 64, 64), 10, new Relu()).graph());
    }
}
