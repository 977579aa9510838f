package org.ibrasnn.core.model.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.util.List;
import org.ibrasnn.core.io.ModelSpecJson;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.junit.jupiter.api.Test;

/** Nearest-neighbour upsampling: shapes, flows, JSON, and a network that uses it. */
class UpsampleTest {

    @Test
    void scalesHeightAndWidth() {
        assertEquals(new Shape(3, 8, 10), new Upsample(2).outputShape(List.of(new Shape(3, 4, 5))));
        assertThrows(IllegalArgumentException.class, () -> new Upsample(1));
        assertThrows(IllegalArgumentException.class,
                () -> new Upsample(1 << 16).outputShape(List.of(new Shape(1, 1 << 16, 1))));
    }

    @Test
    void keepsTheFlow() {
        assertEquals(Flow.SPIKES, new Upsample(2).outputFlow(List.of(Flow.SPIKES)));
        assertEquals(Flow.REAL, new Upsample(3).outputFlow(List.of(Flow.REAL)));
    }

    @Test
    void aNetworkUpsamplingSpikesRoundTripsThroughJson() {
        ModelSpec spec = new ModelSpec("up", new Shape(1, 6, 6), 3, IbraLifSpec.paperDefault(1), new GraphBuilder()
                .then("stem", new Conv(1, 4, 3, 2, 1, false)).then("n0", new Neuron()).then("up", new Upsample(2))
                .then("c", new Conv(4, 2, 3, 1, 1, false)).then("n1", new Neuron()).then("gap", new GlobalAvgPool())
                .then("fc", new Linear(2, 3, true)).build());
        assertEquals(new Shape(4, 6, 6), spec.analysis().shapes().get("up"));
        assertEquals(spec, ModelSpecJson.fromJson(ModelSpecJson.toJson(spec)));
        JsonObject o = new JsonObject();
        new Upsample(4).writeJson(o);
        assertEquals(new Upsample(4), Ops.read(Upsample.TYPE, new JsonFields(o, "test")));
    }
}
