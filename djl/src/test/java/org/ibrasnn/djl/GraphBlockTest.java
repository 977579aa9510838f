package org.ibrasnn.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Op;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.neuron.ResetMode;
import org.ibrasnn.core.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The network as a graph of DJL blocks: outputs in output order and averaged over time, per-node neurons,
 * tensor names and shapes as the spec implies them, and a clear refusal of an op without a DJL block.
 */
class GraphBlockTest {

    private static final Shape INPUT = new Shape(1, 2, 3);

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    /** {@code c = conv(x)}, {@code c2 = conv(neuron(c))} with a bias; the outputs are c2, then c. */
    private static ModelSpec twoOutputs(Activation activation) {
        Graph graph = new GraphBuilder().then("c", new Conv(1, 2, 1, 1, 0, false)).then("n", new Neuron())
                .then("c2", new Conv(2, 3, 1, 1, 0, true)).build(List.of("c2", "c"));
        return new ModelSpec("two", INPUT, 2, activation, graph, 1, ANY_HEADS);
    }

    @Test
    void aTwoOutputGraphReturnsBothOutputsInOutputOrder() {
        SpikingNetwork network = initialised(twoOutputs(new Relu()), 2);
        float[] w1 = fill(network, "c.weight");
        float[] w2 = fill(network, "c2.weight");
        float[] b2 = fill(network, "c2.bias");
        float[] x = randoms(2 * INPUT.size(), 5);
        NDList outputs = network.forwardAll(store(), image(x, 2), false);
        assertEquals(2, outputs.size());
        float[] c2 = outputs.get(0).toFloatArray();
        float[] c = outputs.get(1).toFloatArray();
        assertEquals(new ai.djl.ndarray.types.Shape(2, 3, 2, 3), outputs.get(0).getShape());
        assertEquals(new ai.djl.ndarray.types.Shape(2, 2, 2, 3), outputs.get(1).getShape());
        int pixels = INPUT.height() * INPUT.width();
        for (int b = 0; b < 2; b++) {
            for (int p = 0; p < pixels; p++) {
                float in = x[b * pixels + p];
                for (int o = 0; o < 2; o++) {
                    assertEquals(w1[o] * in, c[(b * 2 + o) * pixels + p], 0f);
                }
                for (int q = 0; q < 3; q++) {
                    double expected = b2[q];
                    for (int o = 0; o < 2; o++) {
                        expected += w2[q * 2 + o] * Math.max(0f, w1[o] * in);
                    }
                    assertEquals(expected, c2[(b * 3 + q) * pixels + p], 1e-5);
                }
            }
        }
    }

    @Test
    void everyOutputIsAveragedOverTime() {
        SpikingNetwork network = initialised(twoOutputs(new LifSpec(1.0, ResetMode.SOFT, 2.0, 0.5, 3)), 2);
        float[] w1 = fill(network, "c.weight");
        float[] x = randoms(2 * INPUT.size(), 6);
        NDList outputs = network.forwardAll(store(), image(x, 2), true);
        assertEquals(new ai.djl.ndarray.types.Shape(2, 3, 2, 3), outputs.get(0).getShape());
        float[] c = outputs.get(1).toFloatArray();
        int pixels = INPUT.height() * INPUT.width();
        for (int i = 0; i < c.length; i++) {
            int b = i / (2 * pixels);
            int o = i / pixels % 2;
            assertEquals(w1[o] * x[b * pixels + i % pixels], c[i], 1e-6f, "element " + i);
        }
        assertEquals(List.of(new ai.djl.ndarray.types.Shape(2, 3, 2, 3), new ai.djl.ndarray.types.Shape(2, 2, 2, 3)),
                Arrays.asList(network.block().getOutputShapes(new ai.djl.ndarray.types.Shape[] {
                        network.inputShape(2)})));
    }

    @Test
    void aNeuronNodeRunsItsOwnActivation() {
        LifSpec own = new LifSpec(1.0, ResetMode.SOFT, 2.0, 0.5, 1);
        Graph graph = new GraphBuilder().then("c", new Conv(1, 1, 1, 1, 0, false))
                .then("spikes", new Neuron(Optional.of(own))).then("d", new Conv(1, 1, 1, 1, 0, false)).build();
        SpikingNetwork network = initialised(new ModelSpec("own", INPUT, 2, new Relu(), graph, 1, ANY_HEADS), 1);
        NamedParameters.of(network).get("c.weight").getArray().set(FloatBuffer.wrap(new float[] {1}));
        NamedParameters.of(network).get("d.weight").getArray().set(FloatBuffer.wrap(new float[] {1}));
        float[] x = {-1, 0.5f, 0.99f, 1, 1.5f, 3};
        float[] y = network.forward(store(), image(x, 1), false).toFloatArray();
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1}, y, 0f);
    }

    @Test
    void tensorsAreNamedAndShapedAsTheSpecSays() {
        List<ModelSpec> specs = List.of(
                Architectures.build("resnet-tiny", new Shape(1, 28, 28), 10, IbraLifSpec.paperDefault(1)),
                new ModelSpec("grouped", new Shape(4, 5, 5), 2, new Relu(), new GraphBuilder()
                        .then("stem", new Conv(4, 4, 3, 1, 1, 4, true)).then("n", new Neuron())
                        .then("mix", new Conv(4, 6, 1, 1, 0, 2, false)).build(), 1, ANY_HEADS));
        for (ModelSpec spec : specs) {
            SpikingNetwork network = initialised(spec, 2);
            Map<String, int[]> expected = ModelTensors.expected(spec);
            Map<String, Parameter> actual = NamedParameters.of(network);
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), spec.arch());
            expected.forEach((name, shape) -> assertArrayEquals(Arrays.stream(shape).asLongStream().toArray(),
                    actual.get(name).getArray().getShape().getShape(), name));
            List<String> owners = new ArrayList<>();
            spec.graph().nodes().stream().filter(n -> !n.op().tensors().isEmpty()).forEach(n -> owners.add(n.name()));
            assertEquals(owners, List.copyOf(network.parameterBlocks().keySet()), spec.arch());
        }
    }

    @Test
    void aNodeWithoutADjlBlockIsRefusedNamingItsOpType() {
        Graph graph = new GraphBuilder().then("c", new Conv(1, 1, 1, 1, 0, false)).then("odd", new Unknown()).build();
        ModelSpec spec = new ModelSpec("odd", INPUT, 2, new Relu(), graph, 1, ANY_HEADS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpikingNetwork.of(spec));
        assertEquals("node odd: op type 'unknown' has no DJL block", e.getMessage());
    }

    /** An op no DJL factory knows. */
    private record Unknown() implements Op {
        public String type() {
            return "unknown";
        }

        public int arity() {
            return 1;
        }

        public Shape outputShape(List<Shape> inputs) {
            return inputs.get(0);
        }

        public Flow outputFlow(List<Flow> inputs) {
            return inputs.get(0);
        }

        public void writeJson(com.google.gson.JsonObject o) {}
    }

    /** A task that takes any outputs, for graphs that are not classifiers. */
    private static final Task ANY_HEADS = AnyHeadsTask.named("any");

    private SpikingNetwork initialised(ModelSpec spec, int batch) {
        SpikingNetwork network = SpikingNetwork.of(spec);
        network.block().initialize(manager, DataType.FLOAT32, network.inputShape(batch));
        return network;
    }

    private static float[] fill(SpikingNetwork network, String tensor) {
        NDArray array = NamedParameters.of(network).get(tensor).getArray();
        float[] values = randoms(array.getShape().size(), tensor.hashCode());
        array.set(FloatBuffer.wrap(values));
        return values;
    }

    private static float[] randoms(long count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private NDArray image(float[] x, int batch) {
        return manager.create(x, new ai.djl.ndarray.types.Shape(batch, INPUT.channels(), INPUT.height(), INPUT.width()));
    }

    private ParameterStore store() {
        return new ParameterStore(manager, false);
    }
}
