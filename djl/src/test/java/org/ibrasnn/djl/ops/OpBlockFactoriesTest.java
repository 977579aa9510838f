package org.ibrasnn.djl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.Op;
import org.ibrasnn.core.model.ops.Add;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.MaxPool;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.neuron.ResetMode;
import org.ibrasnn.djl.NeuronBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every op's DJL block, built through the registry, against a naive loop over a small input: weighted ops
 * to float rounding (1e-5), the rest exactly.
 */
class OpBlockFactoriesTest {

    /** Any valid spec: only neuron blocks read it (for the network's default activation). */
    private static final ModelSpec SPEC = new ModelSpec("any", new org.ibrasnn.core.model.Shape(1, 4, 4), 2,
            new Relu(), new GraphBuilder().then("c", new Conv(1, 2, 1, 1, 0, false)).then("n", new Neuron()).then(new Flatten())
                    .then("fc", new Linear(32, 2, true)).build());

    private final NDManager manager = NDManager.newBaseManager();
    private final SplittableRandom random = new SplittableRandom(3);

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void convWithTwoGroupsMatchesANaiveConvolution() {
        checkConv(new Conv(4, 6, 3, 2, 1, 2, true), new Shape(2, 4, 5, 5));
    }

    @Test
    void depthwiseConvMatchesANaiveConvolution() {
        checkConv(new Conv(3, 3, 3, 1, 1, 3, false), new Shape(2, 3, 4, 4));
    }

    @Test
    void ungroupedConvMatchesANaiveConvolution() {
        checkConv(new Conv(2, 3, 2, 1, 0, false), new Shape(1, 2, 3, 3));
    }

    private void checkConv(Conv c, Shape in) {
        Block block = block(c, in);
        NDArray weight = parameter(block, "weight");
        assertEquals(new Shape(c.out(), c.in() / c.groups(), c.kernel(), c.kernel()), weight.getShape());
        float[] w = fill(weight);
        float[] b = c.bias() ? fill(parameter(block, "bias")) : new float[c.out()];
        float[] x = randoms(in.size());
        NDArray y = forward(block, false, manager.create(x, in));
        int batch = (int) in.get(0);
        int h = (int) in.get(2);
        int wIn = (int) in.get(3);
        int oh = (h + 2 * c.padding() - c.kernel()) / c.stride() + 1;
        int ow = (wIn + 2 * c.padding() - c.kernel()) / c.stride() + 1;
        int inPerGroup = c.in() / c.groups();
        int outPerGroup = c.out() / c.groups();
        float[] expected = new float[batch * c.out() * oh * ow];
        int at = 0;
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < c.out(); o++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = b[o];
                        for (int ci = 0; ci < inPerGroup; ci++) {
                            int channel = o / outPerGroup * inPerGroup + ci;
                            for (int ki = 0; ki < c.kernel(); ki++) {
                                for (int kj = 0; kj < c.kernel(); kj++) {
                                    int r = i * c.stride() - c.padding() + ki;
                                    int s = j * c.stride() - c.padding() + kj;
                                    if (r >= 0 && r < h && s >= 0 && s < wIn) {
                                        sum += w[((o * inPerGroup + ci) * c.kernel() + ki) * c.kernel() + kj]
                                                * x[((n * c.in() + channel) * h + r) * wIn + s];
                                    }
                                }
                            }
                        }
                        expected[at++] = (float) sum;
                    }
                }
            }
        }
        assertEquals(new Shape(batch, c.out(), oh, ow), y.getShape());
        assertArrayEquals(expected, y.toFloatArray(), 1e-5f);
    }

    @Test
    void batchNormUsesRunningStatisticsAtInferenceAndUpdatesThemWithMomentumPointOne() {
        BatchNorm op = new BatchNorm(2, 1e-3);
        Shape in = new Shape(3, 2, 2, 2);
        Block block = block(op, in);
        float[] gamma = fill(parameter(block, "gamma"));
        float[] beta = fill(parameter(block, "beta"));
        float[] mean = fill(parameter(block, "runningMean"));
        float[] var = {0.5f, 2f};
        parameter(block, "runningVar").set(FloatBuffer.wrap(var));
        float[] x = randoms(in.size());
        float[] y = forward(block, false, manager.create(x, in)).toFloatArray();
        for (int i = 0; i < x.length; i++) {
            int ch = i / 4 % 2;
            double expected = (x[i] - mean[ch]) / Math.sqrt(var[ch] + 1e-3) * gamma[ch] + beta[ch];
            assertEquals(expected, y[i], 1e-5, "element " + i);
        }
        forward(block, true, manager.create(x, in));
        float[] updated = parameter(block, "runningMean").toFloatArray();
        for (int ch = 0; ch < 2; ch++) {
            double batchMean = 0;
            for (int i = 0; i < x.length; i++) {
                batchMean += i / 4 % 2 == ch ? x[i] / 12.0 : 0;
            }
            assertEquals(0.9 * mean[ch] + 0.1 * batchMean, updated[ch], 1e-5, "channel " + ch);
        }
    }

    @Test
    void linearMatchesAMatrixProduct() {
        Shape in = new Shape(2, 3);
        Block block = block(new Linear(3, 2, true), in);
        float[] w = fill(parameter(block, "weight"));
        float[] b = fill(parameter(block, "bias"));
        float[] x = randoms(6);
        float[] y = forward(block, false, manager.create(x, in)).toFloatArray();
        for (int n = 0; n < 2; n++) {
            for (int o = 0; o < 2; o++) {
                double expected = b[o];
                for (int i = 0; i < 3; i++) {
                    expected += w[o * 3 + i] * x[n * 3 + i];
                }
                assertEquals(expected, y[n * 2 + o], 1e-5, "item " + n + " output " + o);
            }
        }
    }

    @Test
    void paddedMaxPoolIgnoresThePadding() {
        Shape in = new Shape(1, 1, 3, 3);
        float[] x = {-1, -2, -3, -4, -5, -6, -7, -8, -9};
        NDArray y = forward(block(new MaxPool(3, 2, 1), in), false, manager.create(x, in));
        assertEquals(new Shape(1, 1, 2, 2), y.getShape());
        assertArrayEquals(new float[] {-1, -2, -4, -5}, y.toFloatArray(), 0f);
    }

    @Test
    void globalAvgPoolAveragesEveryChannel() {
        Shape in = new Shape(1, 2, 2, 2);
        float[] x = {1, 2, 3, 4, 10, 20, 30, 50};
        NDArray y = forward(block(new GlobalAvgPool(), in), false, manager.create(x, in));
        assertEquals(new Shape(1, 2), y.getShape());
        assertArrayEquals(new float[] {2.5f, 27.5f}, y.toFloatArray(), 0f);
    }

    @Test
    void flattenKeepsChannelMajorOrder() {
        Shape in = new Shape(2, 2, 1, 2);
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        NDArray y = forward(block(new Flatten(), in), false, manager.create(x, in));
        assertEquals(new Shape(2, 4), y.getShape());
        assertArrayEquals(x, y.toFloatArray(), 0f);
    }

    @Test
    void addSumsThreeInputsLeftToRight() {
        Shape in = new Shape(2, 5);
        float[] a = randoms(10);
        float[] b = randoms(10);
        float[] c = randoms(10);
        Block block = OpBlockFactories.create(new Node("sum", new Add(), List.of("a", "b", "c")), SPEC);
        block.initialize(manager, DataType.FLOAT32, in, in, in);
        float[] y = forward(block, false, manager.create(a, in), manager.create(b, in), manager.create(c, in))
                .toFloatArray();
        for (int i = 0; i < 10; i++) {
            assertEquals(a[i] + b[i] + c[i], y[i], 0f, "element " + i);
        }
    }

    @Test
    void aNeuronUsesItsOwnActivationOrTheNetworkDefault() {
        LifSpec own = new LifSpec(1.0, ResetMode.HARD, 2.0, 0.5, 1);
        Block custom = OpBlockFactories.create(new Node("n", new Neuron(Optional.of(own)), List.of("x")), SPEC);
        Block plain = OpBlockFactories.create(new Node("n", new Neuron(), List.of("x")), SPEC);
        assertEquals(own, assertInstanceOf(NeuronBlock.class, custom).activation());
        assertEquals(new Relu(), assertInstanceOf(NeuronBlock.class, plain).activation());
        Shape in = new Shape(1, 3);
        float[] x = {-0.5f, 0.5f, 1.5f};
        assertArrayEquals(new float[] {0, 0, 1}, forward(custom, false, manager.create(x, in)).toFloatArray(), 0f);
        assertArrayEquals(new float[] {0, 0.5f, 1.5f}, forward(plain, false, manager.create(x, in)).toFloatArray(), 0f);
    }

    private Block block(Op op, Shape in) {
        Block block = OpBlockFactories.create(new Node("op", op, List.of(Graph.INPUT)), SPEC);
        block.initialize(manager, DataType.FLOAT32, in);
        return block;
    }

    private static NDArray parameter(Block block, String name) {
        return block.getParameters().get(name).getArray();
    }

    /** Overwrites an array with random values and returns them. */
    private float[] fill(NDArray array) {
        float[] values = randoms(Math.toIntExact(array.getShape().size()));
        array.set(FloatBuffer.wrap(values));
        return values;
    }

    private float[] randoms(long count) {
        float[] values = new float[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private NDArray forward(Block block, boolean training, NDArray... inputs) {
        return block.forward(new ParameterStore(manager, false), new NDList(inputs), training).singletonOrThrow();
    }
}
