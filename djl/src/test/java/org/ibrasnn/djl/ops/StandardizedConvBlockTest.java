package org.ibrasnn.djl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.model.ops.StandardizedConv;
import org.ibrasnn.core.neuron.Relu;
import org.junit.jupiter.api.Test;

/**
 * The DJL block of a {@link StandardizedConv}: it convolves with the weights the core op computes, and what a
 * training step derives from its parameters is freed with the batch, not kept with the model.
 */
class StandardizedConvBlockTest {

    private static final StandardizedConv OP = new StandardizedConv(2, 3, 3, 2, 1, 1e-4);
    private static final ModelSpec SPEC = new ModelSpec("any", new org.ibrasnn.core.model.Shape(2, 5, 5), 2,
            new Relu(), new GraphBuilder().then("c", OP).then("n", new Neuron())
                    .then(new Flatten()).then("fc", new Linear(27, 2, true)).build());

    @Test
    void convolvesWithTheStandardisedWeightsAndFreesWhatItDerivesWithTheBatch() {
        SplittableRandom random = new SplittableRandom(3);
        float[] w = gaussian(random, 3 * 2 * 9);
        float[] gain = {0.5f, 1.5f, -2f};
        float[] bias = {0.25f, -1f, 0.5f};
        float[] image = gaussian(random, 2 * 2 * 25);
        try (NDManager model = NDManager.newBaseManager()) {
            Block block = OpBlockFactories.create(new Node("c", OP, List.of(Graph.INPUT)), SPEC);
            block.initialize(model, DataType.FLOAT32, new Shape(2, 2, 5, 5));
            var params = block.getParameters();
            params.get("weight").getArray().set(w);
            params.get("gain").getArray().set(gain);
            params.get("bias").getArray().set(bias);
            int before = model.getManagedArrays().size();
            for (int step = 0; step < 3; step++) {
                try (NDManager batch = model.newSubManager()) {
                    NDArray x = batch.create(image, new Shape(2, 2, 5, 5));
                    try (GradientCollector collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                        NDArray y = block.forward(new ParameterStore(model, false), new NDList(x), true)
                                .singletonOrThrow();
                        NDArray expected = Conv2d.conv2d(x, batch.create(OP.effectiveWeight(w, gain),
                                new Shape(3, 2, 3, 3)), batch.create(bias), new Shape(2, 2), new Shape(1, 1))
                                .singletonOrThrow();
                        assertArrayEquals(expected.toFloatArray(), y.toFloatArray(), 1e-5f);
                        collector.backward(y.sum());
                    }
                }
                assertEquals(before, model.getManagedArrays().size(),
                        "arrays left with the model after training step " + step);
                // d(sum y)/d bias = the output positions per channel, 2 images x 3 x 3, summed over the steps
                float sum = 18 * (step + 1);
                try (NDArray gradient = params.get("bias").getArray().getGradient()) {
                    assertArrayEquals(new float[] {sum, sum, sum}, gradient.toFloatArray());
                }
            }
        }
    }

    private static float[] gaussian(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
