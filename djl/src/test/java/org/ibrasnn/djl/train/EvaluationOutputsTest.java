package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.djl.AnyHeadsTask;
import org.ibrasnn.djl.SpikingNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dense evaluation hands a task every output of an image, joined in the graph's order, batch after batch. */
class EvaluationOutputsTest {

    @TempDir
    Path dir;

    private static final Task ANY_HEADS = AnyHeadsTask.named("any-heads");

    @Test
    void everyOutputOfAnImageComesJoinedInGraphOrder() throws IOException {
        ImageDataset data = TinyData.make(dir, "two", 5, 3);
        GraphBuilder g = new GraphBuilder().then("conv", new Conv(1, 2, 3, 1, 1, false)).then("spike", new Neuron())
                .then("gap", new GlobalAvgPool()).then("fa", new Linear(2, 3, true));
        g.node("fb", new Linear(2, 2, true), List.of("gap"));
        ModelSpec spec = new ModelSpec("two", new Shape(1, 8, 8), 2, new Relu(), g.build(List.of("fa", "fb")), 1,
                ANY_HEADS);
        try (NDManager manager = NDManager.newBaseManager()) {
            SpikingNetwork network = SpikingNetwork.of(spec);
            network.block().initialize(manager, DataType.FLOAT32, network.inputShape(5));
            ParameterStore store = new ParameterStore(manager, false);
            float[] joined = Evaluation.outputs(network, store, manager, data, 2, 0);
            assertEquals(5 * 5, joined.length);
            float[] images = new float[5 * 64];
            data.copyImages(new int[] {0, 1, 2, 3, 4}, images);
            NDList all = network.forwardAll(store, manager.create(images, new ai.djl.ndarray.types.Shape(5, 1, 8, 8)),
                    false);
            float[] a = all.get(0).toFloatArray();
            float[] b = all.get(1).toFloatArray();
            for (int i = 0; i < 5; i++) {
                float[] expected = new float[5];
                System.arraycopy(a, i * 3, expected, 0, 3);
                System.arraycopy(b, i * 2, expected, 3, 2);
                assertArrayEquals(expected, Arrays.copyOfRange(joined, i * 5, i * 5 + 5), 1e-6f, "image " + i);
            }
        }
    }
}
