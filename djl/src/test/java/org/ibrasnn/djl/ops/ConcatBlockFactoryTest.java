package org.ibrasnn.djl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.Concat;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.Relu;
import org.junit.jupiter.api.Test;

/** The DJL block of a {@link Concat}: channels of each input in input order, per batch item. */
class ConcatBlockFactoryTest {

    private static final ModelSpec SPEC = new ModelSpec("any", new org.ibrasnn.core.model.Shape(1, 2, 2), 2,
            new Relu(), new GraphBuilder().then("c", new Conv(1, 1, 1, 1, 0, false)).then("n", new Neuron())
                    .then(new Flatten()).then("fc", new Linear(4, 2, true)).build());

    @Test
    void joinsChannelsInInputOrder() {
        try (NDManager m = NDManager.newBaseManager()) {
            // a: 2 items x 1 channel x 1 x 2; b: 2 items x 2 channels x 1 x 2
            NDArray a = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 1, 1, 2));
            NDArray b = m.create(new float[] {10, 20, 30, 40, 50, 60, 70, 80}, new Shape(2, 2, 1, 2));
            Block block = OpBlockFactories.create(new Node("cat", new Concat(), List.of("a", "b")), SPEC);
            NDArray y = block.forward(new ParameterStore(m, false), new NDList(a, b), false).singletonOrThrow();
            assertEquals(new Shape(2, 3, 1, 2), y.getShape());
            assertArrayEquals(new float[] {1, 2, 10, 20, 30, 40, 3, 4, 50, 60, 70, 80}, y.toFloatArray());
        }
    }
}
