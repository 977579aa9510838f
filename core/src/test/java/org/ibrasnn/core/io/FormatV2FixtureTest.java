package org.ibrasnn.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.LoadOptions;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Add;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Concat;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.MaxPool;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.model.ops.Upsample;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.junit.jupiter.api.Test;

/**
 * A model file of format version 2 (the graph spec, written by the code of this commit) is kept as a fixture: a small
 * graph with every op of that version (a grouped conv, concat, upsample, add, a neuron with its own setting)
 * and a data record. Every later reader must load it as the same network with the same tensors and data.
 */
class FormatV2FixtureTest {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/graph-ops-v2.safetensors");

    static final long SEED = 20261202L;

    /** The fixture's spec. */
    static ModelSpec spec() {
        return new ModelSpec("graph-ops", new Shape(1, 8, 8), 3, IbraLifSpec.paperDefault(1), new GraphBuilder()
                .then("stem.conv", new Conv(1, 4, 3, 1, 1, false)).then("stem.bn", new BatchNorm(4, 1e-5))
                .then(new MaxPool(2, 2, 0)).then("n0", new Neuron())
                .then("down", new Conv(4, 4, 3, 2, 1, 2, false)).then("down.bn", new BatchNorm(4, 1e-5))
                .then("n1", new Neuron(Optional.of(new IbraLifSpec(2.5, 10, 0.25, 1)))).then("up", new Upsample(2))
                .node("cat", new Concat(), List.of("n0", "up"))
                .then("pw", new Conv(8, 4, 1, 1, 0, true))
                .node("sum", new Add(), List.of("pw", "stem.maxpool"))
                .then("n2", new Neuron()).then(new GlobalAvgPool()).then("fc", new Linear(4, 3, true)).build());
    }

    static DatasetRecord data() {
        return DatasetRecord.of("fashion-mnist", LoadOptions.defaults());
    }

    @Test
    void theVersion2FileLoadsAsTheSameGraphTensorsAndData() throws IOException {
        ModelFile model = ModelFile.read(FIXTURE.toAbsolutePath());
        assertEquals("training", model.kind());
        assertEquals(spec(), model.spec());
        assertEquals(data(), model.data());
        Map<String, Tensor> expected = ModelFileTest.randomTensors(spec(), SEED);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(model.tensors().keySet()));
        expected.forEach((name, t) -> {
            assertArrayEquals(t.shape(), model.tensors().get(name).shape(), name);
            assertArrayEquals(t.toArray(), model.tensors().get(name).toArray(), 0f, name);
        });
    }
}
