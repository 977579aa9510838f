package org.ibrasnn.djl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.model.ops.Upsample;
import org.ibrasnn.core.neuron.Relu;
import org.junit.jupiter.api.Test;

/** The DJL block of an {@link Upsample}: every pixel copied into an s x s square, and gradients summed back. */
class UpsampleBlockFactoryTest {

    private static final ModelSpec SPEC = new ModelSpec("any", new org.ibrasnn.core.model.Shape(1, 2, 2), 2,
            new Relu(), new GraphBuilder().then("c", new Conv(1, 1, 1, 1, 0, false)).then("n", new Neuron())
                    .then(new Flatten()).then("fc", new Linear(4, 2, true)).build());

    @Test
    void copiesEveryPixelIntoASquareAndSumsItsGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(1, 2, 2, 2));
            x.setRequiresGradient(true);
            Block block = OpBlockFactories.create(new Node("up", new Upsample(2), List.of(Graph.INPUT)), SPEC);
            NDArray y;
            try (GradientCollector collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                y = block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                collector.backward(y.mul(m.arange(32f).reshape(y.getShape())).sum());
            }
            assertEquals(new Shape(1, 2, 4, 4), y.getShape());
            assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4,
                    5, 5, 6, 6, 5, 5, 6, 6, 7, 7, 8, 8, 7, 7, 8, 8}, y.toFloatArray());
            // d/dx of sum(y * k) over the square of each pixel: (0+1+4+5), (2+3+6+7), ...
            assertArrayEquals(new float[] {10, 18, 42, 50, 74, 82, 106, 114}, x.getGradient().toFloatArray());
        }
    }
}
