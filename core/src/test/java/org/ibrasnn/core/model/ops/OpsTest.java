package org.ibrasnn.core.model.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Op;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.junit.jupiter.api.Test;

/** Every registered op: its JSON round trip, and the shapes, tensors and MACs worked out by hand. */
class OpsTest {

    private static final List<Op> EXAMPLES = List.of(new Conv(4, 8, 3, 2, 1, 2, true), new Conv(3, 5, 1, 1, 0, false),
            new BatchNorm(8, 1e-3), new Neuron(), new Neuron(Optional.of(IbraLifSpec.paperDefault(2))),
            new Linear(12, 3, false), new MaxPool(3, 2, 1), new GlobalAvgPool(), new Flatten(), new Add(),
            new StandardizedConv(2, 4, 3, 2, 1, 1e-4));

    @Test
    void everyOpReadsBackWhatItWrites() {
        for (Op op : EXAMPLES) {
            JsonObject o = new JsonObject();
            op.writeJson(o);
            assertEquals(op, Ops.read(op.type(), new JsonFields(o, "test")), op.toString());
        }
        assertTrue(Ops.types().containsAll(EXAMPLES.stream().map(Op::type).toList()), Ops.types().toString());
    }

    @Test
    void unknownTypesNameTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Ops.read("dropout", new JsonFields(new JsonObject(),
                "spec.nodes[3]")));
        assertTrue(e.getMessage().startsWith("spec.nodes[3]: unknown op type 'dropout'; known: "
                + String.join(", ", Ops.types())), e.getMessage());
        assertTrue(e.getMessage().contains("batchnorm, ") && e.getMessage().contains("conv"), e.getMessage());
    }

    @Test
    void groupedConvolutionSplitsItsWeightsAndMacs() {
        Conv grouped = new Conv(4, 8, 3, 2, 1, 2, true);
        Shape out = grouped.outputShape(List.of(new Shape(4, 7, 7)));
        assertEquals(new Shape(8, 4, 4), out);
        assertArrayEquals(new int[] {8, 2, 3, 3}, grouped.tensors().get("weight"));
        assertArrayEquals(new int[] {8}, grouped.tensors().get("bias"));
        assertEquals(8L * 4 * 4 * 2 * 3 * 3, grouped.macs(List.of(new Shape(4, 7, 7)), out));
        Conv depthwise = new Conv(6, 6, 7, 1, 3, 6, false);
        assertArrayEquals(new int[] {6, 1, 7, 7}, depthwise.tensors().get("weight"));
        assertEquals(6L * 10 * 10 * 49, depthwise.macs(List.of(new Shape(6, 10, 10)), new Shape(6, 10, 10)));
        assertEquals(new Conv(6, 6, 7, 1, 3, 6, true), depthwise.withBias());
    }

    @Test
    void flowsFollowTheSpikeDrivenRules() {
        assertEquals(Flow.REAL, new Conv(1, 1, 1, 1, 0, false).outputFlow(List.of(Flow.IMAGE)));
        assertEquals(Flow.REAL, new Linear(1, 1, false).outputFlow(List.of(Flow.SPIKES)));
        assertEquals(Flow.SPIKES, new Neuron().outputFlow(List.of(Flow.REAL)));
        assertEquals(Flow.SPIKES, new GlobalAvgPool().outputFlow(List.of(Flow.SPIKES)));
        assertEquals(Flow.REAL, new Add().outputFlow(List.of(Flow.REAL, Flow.REAL, Flow.REAL)));
        assertThrows(IllegalArgumentException.class, () -> new Neuron().outputFlow(List.of(Flow.SPIKES)));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(1, 1e-5).outputFlow(List.of(Flow.IMAGE)));
        assertThrows(IllegalArgumentException.class, () -> new Add().outputFlow(List.of(Flow.REAL, Flow.SPIKES)));
    }

    @Test
    void standardizedConvComputesItsWeightsAndIsAConvWithBiasAtInference() {
        // Two output channels of a 2x2 conv on one channel (fan-in 4). Channel 0: mean 3, centred -2 -1 0 3,
        // fan-in x variance = 4 + 1 + 0 + 9 = 14, + eps 2 = 16, so the scale is gain / 4 = 2 / 4.
        // Channel 1: all equal, so centred to zeros whatever the gain.
        StandardizedConv ws = new StandardizedConv(1, 2, 2, 1, 0, 2);
        float[] w = ws.effectiveWeight(new float[] {1, 2, 3, 6, 5, 5, 5, 5}, new float[] {2, 7});
        assertArrayEquals(new float[] {-1, -0.5f, 0, 1.5f, 0, 0, 0, 0}, w);
        assertArrayEquals(w, ws.inferenceWeight(Map.of("weight", new float[] {1, 2, 3, 6, 5, 5, 5, 5},
                "gain", new float[] {2, 7})::get));
        // Invariant to a scale of the raw weights (not exactly at eps > 0; here eps is tiny against 14 * 9).
        StandardizedConv fine = new StandardizedConv(1, 1, 2, 1, 0, 1e-12);
        assertArrayEquals(fine.effectiveWeight(new float[] {1, 2, 3, 6}, new float[] {1}),
                fine.effectiveWeight(new float[] {3, 6, 9, 18}, new float[] {1}), 1e-6f);
        assertEquals(new Conv(1, 2, 2, 1, 0, true), ws.inferenceOp());
        assertArrayEquals(new int[] {2, 1, 2, 2}, ws.tensors().get("weight"));
        assertEquals(List.of("weight", "gain", "bias"), List.copyOf(ws.tensors().keySet()));
        assertEquals("gain", ws.scaleTensor());
        assertEquals("weight", new Conv(1, 1, 1, 1, 0, false).scaleTensor());
        Shape out = ws.outputShape(List.of(new Shape(1, 5, 5)));
        assertEquals(new Shape(2, 4, 4), out);
        assertEquals(2L * 4 * 4 * 4, ws.macs(List.of(new Shape(1, 5, 5)), out));
        assertEquals(Flow.REAL, ws.outputFlow(List.of(Flow.IMAGE)));
        assertThrows(IllegalArgumentException.class, () -> ws.outputFlow(List.of(Flow.REAL)));
        var e = assertThrows(IllegalArgumentException.class, () -> new StandardizedConv(1, 2, 2, 1, 0, 0));
        assertTrue(e.getMessage().contains("eps must be > 0"), e.getMessage());
    }

    @Test
    void batchNormFoldsIntoTheWeightsBeforeIt() {
        float[] w = {1, 2, 3, 4};
        float[] b = {0.5f, -1};
        new BatchNorm(2, 0.25).foldInto(w, b, new float[] {2, 1}, new float[] {1, 0}, new float[] {0.5f, 1},
                new float[] {0.75f, 3.75f});
        // scale = g / sqrt(var + eps): 2 / 1 = 2 and 1 / 2 = 0.5
        assertArrayEquals(new float[] {2, 4, 1.5f, 2}, w);
        assertArrayEquals(new float[] {(0.5f - 0.5f) * 2 + 1, (-1 - 1) * 0.5f}, b);
    }
}
