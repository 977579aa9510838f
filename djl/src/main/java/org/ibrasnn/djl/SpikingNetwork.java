package org.ibrasnn.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;

/**
 * The DJL form of a {@link ModelSpec}: one block that maps images {@code [batch, C, H, W]} to the task's
 * outputs (one array per graph output, e.g. {@code [batch, classes]}), running the {@link GraphBlock} over
 * T timesteps (time-major {@code [T * batch, ...]}) and averaging every output over time. A still image is
 * repeated at every timestep; an input of F frames (stacked along the channels) is split so that frame t is
 * the input of timestep t. The blocks that own tensors are kept by node name so that model files use the
 * spec's stable tensor names.
 */
public final class SpikingNetwork {

    private final ModelSpec spec;
    private final SequentialBlock block = new SequentialBlock();
    private final Map<String, Block> parameterBlocks = new LinkedHashMap<>();

    private SpikingNetwork(ModelSpec spec) {
        this.spec = spec;
        int steps = spec.steps();
        if (spec.inputFrames() > 1) {
            block.add(LambdaBlock.singleton(x -> framesOverTime(x, steps), "time_split"));
        } else if (steps > 1) {
            block.add(LambdaBlock.singleton(x -> repeatOverTime(x, steps), "time_expand"));
        }
        GraphBlock graph = new GraphBlock(spec);
        block.add(graph);
        if (steps > 1) {
            block.add(new LambdaBlock(outputs -> meanOverTime(outputs, steps), "time_mean"));
        }
        for (Node n : spec.graph().nodes()) {
            if (!n.op().tensors().isEmpty()) {
                parameterBlocks.put(n.name(), graph.nodeBlocks().get(n.name()));
            }
        }
    }

    /** Builds the network of a spec; parameters are created by {@code block().initialize(...)}. */
    public static SpikingNetwork of(ModelSpec spec) {
        return new SpikingNetwork(spec);
    }

    public ModelSpec spec() {
        return spec;
    }

    public Block block() {
        return block;
    }

    /** The blocks of the nodes that own tensors (conv, BatchNorm, linear) by node name, in graph order. */
    public Map<String, Block> parameterBlocks() {
        return Collections.unmodifiableMap(parameterBlocks);
    }

    /** Input shape of one batch, for {@code block().initialize}. */
    public Shape inputShape(int batch) {
        var in = spec.input();
        return new Shape(batch, in.channels(), in.height(), in.width());
    }

    /** Runs the network: images in, the outputs in graph output order. */
    public NDList forwardAll(ParameterStore store, NDArray images, boolean training) {
        return block.forward(store, new NDList(images), training);
    }

    /**
     * Runs the network on a batch of {@code images} and gives the outputs image-major, each image's graph outputs
     * joined in the graph's order (as a task's evaluator takes them).
     */
    public float[] imageMajorOutputs(ParameterStore store, NDArray images, boolean training) {
        NDList outputs = forwardAll(store, images, training);
        if (outputs.size() == 1) {
            return outputs.singletonOrThrow().toFloatArray();
        }
        int n = Math.toIntExact(images.getShape().get(0));
        List<float[]> values = outputs.stream().map(NDArray::toFloatArray).toList();
        int width = values.stream().mapToInt(v -> v.length / n).sum();
        float[] joined = new float[n * width];
        int offset = 0;
        for (float[] v : values) {
            int part = v.length / n;
            for (int i = 0; i < n; i++) {
                System.arraycopy(v, i * part, joined, i * width + offset, part);
            }
            offset += part;
        }
        return joined;
    }

    /** Runs a single-output network: images in, the task's output out. */
    public NDArray forward(ParameterStore store, NDArray images, boolean training) {
        return forwardAll(store, images, training).singletonOrThrow();
    }

    private static NDArray repeatOverTime(NDArray x, int steps) {
        Shape s = x.getShape();
        Shape timeMajor = new Shape(steps).addAll(s);
        return x.expandDims(0).broadcast(timeMajor).reshape(new Shape(steps * s.get(0)).addAll(s.slice(1)));
    }

    /** {@code [B, F * C, H, W]} to time-major {@code [F * B, C, H, W]}: frame t of every image at step t. */
    private static NDArray framesOverTime(NDArray x, int frames) {
        Shape s = x.getShape();
        long batch = s.get(0);
        return x.reshape(new Shape(batch, frames, s.get(1) / frames).addAll(s.slice(2)))
                .transpose(1, 0, 2, 3, 4)
                .reshape(new Shape(frames * batch, s.get(1) / frames).addAll(s.slice(2)));
    }

    /** Every time-major {@code [T * B, ...]} output to its mean over time {@code [B, ...]}. */
    private static NDList meanOverTime(NDList outputs, int steps) {
        NDList out = new NDList(outputs.size());
        for (NDArray x : outputs) {
            Shape s = x.getShape();
            out.add(x.reshape(new Shape(steps, s.get(0) / steps).addAll(s.slice(1))).mean(new int[] {0}));
        }
        return out;
    }
}
