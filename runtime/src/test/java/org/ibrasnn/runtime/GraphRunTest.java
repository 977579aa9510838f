package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.task.Evaluator;
import org.ibrasnn.core.task.Head;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.core.task.Tasks;
import org.ibrasnn.runtime.SpikeRuntime.Mode;
import org.junit.jupiter.api.Test;

/**
 * The engine on whole graphs: neurons with their own settings (each layer read with its own planes and
 * counted with its own slots and bins), graphs with several outputs, and values dropped after their last
 * reader. Dyadic weights and pixels keep every sum exact, so both modes must agree bit for bit.
 */
class GraphRunTest {

    private static final IbLifSpec BITS = new IbLifSpec(3, 0.25, 2);
    private static final ILifSpec UNARY = new ILifSpec(4, 0.5, 2);

    private static GraphBuilder trunk() {
        return new GraphBuilder().then("stem", new Conv(1, 4, 3, 1, 1, true)).then("n1", new Neuron())
                .then("conv", new Conv(4, 4, 3, 2, 1, 2, true)).then("n2", new Neuron(Optional.of(UNARY)))
                .then("gap", new GlobalAvgPool());
    }

    private static ModelFile model(Graph graph, Task task) {
        ModelSpec spec = new ModelSpec("mixed", new Shape(1, 8, 8), 3, BITS, graph, 1, task);
        Map<String, Tensor> tensors = new HashMap<>();
        ModelTensors.expected(spec).forEach((name, shape) -> {
            int size = 1;
            for (int d : shape) {
                size *= d;
            }
            tensors.put(name, Tensor.of(LoneOp.dyadic(new SplittableRandom(name.hashCode()), size, 1, 8), shape));
        });
        return new ModelFile("inference", spec, Map.of(), tensors);
    }

    private static ImageSource images(int count) {
        SplittableRandom random = new SplittableRandom(22);
        float[][] pixels = new float[count][];
        for (int i = 0; i < count; i++) {
            pixels[i] = LoneOp.dyadic(random, 64, 2, 4);
        }
        return new ImageSource() {
            @Override public Shape shape() { return new Shape(1, 8, 8); }
            @Override public int size() { return count; }
            @Override public int label(int i) { return 0; }
            @Override public void image(int i, float[] dst) { System.arraycopy(pixels[i], 0, dst, 0, 64); }
        };
    }

    @Test
    void eachNeuronLayerUsesItsOwnEncoding() {
        SpikeRuntime runtime = SpikeRuntime.of(model(trunk().then("fc", new Linear(4, 3, true)).build(),
                Tasks.DEFAULT));
        ImageSource images = images(4);
        float[] image = new float[64];
        for (int i = 0; i < images.size(); i++) {
            images.image(i, image);
            assertArrayEquals(runtime.outputs(image, Mode.DENSE), runtime.outputs(image, Mode.SPIKE_DRIVEN), 0f);
        }
        RunReport spikeDriven = runtime.run(images, 0, Mode.SPIKE_DRIVEN, 1, i -> { });
        RunReport dense = runtime.run(images, 0, Mode.DENSE, 2, i -> { });
        assertEquals(spikeDriven.layers(), dense.layers(), "the same counts in both modes");
        LayerReport n1 = layer(spikeDriven, "n1");
        LayerReport n2 = layer(spikeDriven, "n2");
        assertEquals(3, n1.spikesPerSlot().size(), "bit-planes of the network's IB-LIF");
        assertEquals(8, n1.countHistogram().size());
        assertEquals(4, n2.spikesPerSlot().size(), "unary slots of the node's own I-LIF");
        assertEquals(5, n2.countHistogram().size());
        assertTrue(n1.spikes() > 0 && n2.spikes() > 0, "both layers fire");
        long steps = 4L * 2 * 64;
        assertEquals((double) n2.spikes() / (steps * 4), n2.firingRate(), 1e-15);
        // conv reads n1's planes: one event per 1-bit; fc reads n2's unary slots: one event per slot.
        assertEquals(n1.spikes(), layer(spikeDriven, "conv").events());
        assertEquals(n2.spikes(), layer(spikeDriven, "fc").events());
        assertEquals(n2.spikes() * 3, layer(spikeDriven, "fc").sops());
    }

    @Test
    void everyOutputOfAGraphIsAveragedOverTime() {
        Task anyHeads = new Task() {
            @Override public String name() { return "any"; }
            @Override public String metricName() { return "none"; }
            @Override public Optional<String> headProblem(List<Head> heads) { return Optional.empty(); }
            @Override public Evaluator evaluator(List<Head> heads, int count) { throw new UnsupportedOperationException(); }
        };
        GraphBuilder both = trunk().then("fc_a", new Linear(4, 3, true));
        both.node("fc_b", new Linear(4, 2, false), List.of("gap"));
        SpikeRuntime two = SpikeRuntime.of(model(both.build(List.of("fc_a", "fc_b")), anyHeads));
        SpikeRuntime a = SpikeRuntime.of(model(trunk().then("fc_a", new Linear(4, 3, true)).build(), anyHeads));
        GraphBuilder onlyB = trunk();
        onlyB.node("fc_b", new Linear(4, 2, false), List.of("gap"));
        SpikeRuntime b = SpikeRuntime.of(model(onlyB.build(), anyHeads));
        ImageSource images = images(3);
        float[] image = new float[64];
        for (int i = 0; i < images.size(); i++) {
            images.image(i, image);
            for (Mode mode : Mode.values()) {
                float[][] outputs = two.allOutputs(image, mode);
                assertEquals(2, outputs.length);
                assertArrayEquals(a.outputs(image, mode), outputs[0], 0f);
                assertArrayEquals(b.outputs(image, mode), outputs[1], 0f);
                assertArrayEquals(outputs[0], two.outputs(image, mode), 0f, "outputs gives the first");
            }
        }
    }

    @Test
    void theTaskEvaluatesEveryOutputOfAnImageJoinedInGraphOrder() {
        Map<Integer, float[]> added = new java.util.concurrent.ConcurrentHashMap<>();
        Task recording = new Task() {
            @Override public String name() { return "recording"; }
            @Override public String metricName() { return "none"; }
            @Override public Optional<String> headProblem(List<Head> heads) { return Optional.empty(); }
            @Override public Evaluator evaluator(List<Head> heads, int count) {
                return new Evaluator() {
                    @Override public void add(int index, float[] outputs) { added.put(index, outputs); }
                    @Override public List<?> predictions() { return List.of(); }
                    @Override public org.ibrasnn.core.task.Metrics score(org.ibrasnn.core.task.Targets targets) {
                        return org.ibrasnn.core.task.Metrics.of("none", 0);
                    }
                };
            }
        };
        GraphBuilder both = trunk().then("fc_a", new Linear(4, 3, true));
        both.node("fc_b", new Linear(4, 2, false), List.of("gap"));
        SpikeRuntime two = SpikeRuntime.of(model(both.build(List.of("fc_a", "fc_b")), recording));
        ImageSource images = images(3);
        two.run(images, 0, Mode.SPIKE_DRIVEN, 2, done -> { });
        float[] image = new float[64];
        for (int i = 0; i < images.size(); i++) {
            images.image(i, image);
            float[][] outputs = two.allOutputs(image, Mode.SPIKE_DRIVEN);
            float[] joined = new float[5];
            System.arraycopy(outputs[0], 0, joined, 0, 3);
            System.arraycopy(outputs[1], 0, joined, 3, 2);
            assertArrayEquals(joined, added.get(i), 0f, "image " + i);
        }
    }

    @Test
    void valuesAreDroppedAfterTheirLastReader() {
        Graph graph = new GraphBuilder().then("stem", new Conv(1, 2, 3, 1, 1, true))
                .residual("b", "b.n0", body -> body.then("b.conv", new Conv(2, 2, 3, 1, 1, true)), null)
                .then("head", new Neuron()).then("gap", new GlobalAvgPool()).then("fc", new Linear(2, 3, true))
                .build();
        Compiler.Program program = SpikeRuntime.of(model(graph, Tasks.DEFAULT)).program();
        List<String> names = graph.nodes().stream().map(Node::name).toList();
        Map<String, List<Integer>> released = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            released.put(names.get(i), Arrays.stream(program.nodes().get(i).released).boxed().toList());
        }
        // Slot 0 is the input, slot i + 1 node i; stem feeds b.n0 and the shortcut, so it lives until the add.
        assertEquals(List.of(0), released.get("stem"));
        assertEquals(List.of(), released.get("b.n0"));
        assertEquals(List.of(names.indexOf("b.n0") + 1), released.get("b.conv"));
        assertEquals(List.of(names.indexOf("b.conv") + 1, names.indexOf("stem") + 1), released.get("b"));
        assertEquals(List.of(names.indexOf("gap") + 1), released.get("fc"));
        assertTrue(released.values().stream().noneMatch(r -> r.contains(names.indexOf("fc") + 1)),
                "the output stays until the step is read");
        assertEquals(List.of(names.indexOf("fc") + 1), program.outputs());
    }

    private static LayerReport layer(RunReport r, String name) {
        return r.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }
}
