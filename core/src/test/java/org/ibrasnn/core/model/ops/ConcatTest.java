package org.ibrasnn.core.model.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.ibrasnn.core.io.ModelSpecJson;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.junit.jupiter.api.Test;

/** Channel concatenation: shapes, flows, JSON, and a network that uses it. */
class ConcatTest {

    @Test
    void sumsChannelsOfMapsOfOneSize() {
        assertEquals(new Shape(7, 4, 5), new Concat().outputShape(List.of(new Shape(3, 4, 5), new Shape(4, 4, 5))));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Concat().outputShape(List.of(new Shape(3, 4, 5), new Shape(3, 2, 5))));
        assertTrue(e.getMessage().contains("differ in height or width"), e.getMessage());
    }

    @Test
    void keepsOneFlow() {
        assertEquals(Flow.SPIKES, new Concat().outputFlow(List.of(Flow.SPIKES, Flow.SPIKES, Flow.SPIKES)));
        assertEquals(Flow.REAL, new Concat().outputFlow(List.of(Flow.REAL, Flow.REAL)));
        assertThrows(IllegalArgumentException.class, () -> new Concat().outputFlow(List.of(Flow.REAL, Flow.SPIKES)));
        assertThrows(IllegalArgumentException.class, () -> new Concat().outputFlow(List.of(Flow.IMAGE, Flow.IMAGE)));
    }

    @Test
    void aNetworkConcatenatingTwoBranchesRoundTripsThroughJson() {
        Graph g = new GraphBuilder().then("stem", new Conv(1, 4, 3, 1, 1, false)).then("n0", new Neuron())
                .then("a", new Conv(4, 2, 1, 1, 0, false)).node("b", new Conv(4, 3, 3, 1, 1, false), List.of("n0"))
                .node("cat", new Concat(), List.of("a", "b")).then("n1", new Neuron()).then("gap", new GlobalAvgPool())
                .then("fc", new Linear(5, 3, true)).build();
        ModelSpec spec = new ModelSpec("concat", new Shape(1, 6, 6), 3, IbraLifSpec.paperDefault(1), g);
        assertEquals(new Shape(5, 6, 6), spec.analysis().shapes().get("cat"));
        assertEquals(spec, ModelSpecJson.fromJson(ModelSpecJson.toJson(spec)));
        JsonObject o = new JsonObject();
        new Concat().writeJson(o);
        assertEquals(new Concat(), Ops.read(Concat.TYPE, new JsonFields(o, "test")));
    }
}
