package org.ibrasnn.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.model.Layer;
import org.ibrasnn.core.model.ModelSpec;

/**
 * The DJL form of a {@link ModelSpec}: one block that maps images {@code [batch, C, H, W]} to the task's outputs
 * {@code [batch, classes]}, running the spiking part over T timesteps (time-major {@code [T * batch, ...]})
 * and averaging the outputs over time. A still image is repeated at every timestep; an input of F frames
 * (stacked along the channels) is split so that frame t is the input of timestep t. The blocks that own parameters are kept by their spec names so
 * that model files use the spec's stable tensor names.
 */
public final class SpikingNetwork {

    private final ModelSpec spec;
    private final SequentialBlock block;
    private final Map<String, Block> named = new LinkedHashMap<>();

    private SpikingNetwork(ModelSpec spec) {
        this.spec = spec;
        int steps = spec.steps();
        this.block = new SequentialBlock();
        if (spec.inputFrames() > 1) {
            block.add(LambdaBlock.singleton(x -> framesOverTime(x, steps), "time_split"));
        } else if (steps > 1) {
            block.add(LambdaBlock.singleton(x -> repeatOverTime(x, steps), "time_expand"));
        }
        block.addAll(blocks(spec.layers()));
        if (steps > 1) {
            block.add(LambdaBlock.singleton(x -> meanOverTime(x, steps), "time_mean"));
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

    /** Conv, BatchNorm and Linear blocks by spec layer name, in spec order. */
    public Map<String, Block> parameterBlocks() {
        return Collections.unmodifiableMap(named);
    }

    /** Input shape of one batch, for {@code block().initialize}. */
    public Shape inputShape(int batch) {
        var in = spec.input();
        return new Shape(batch, in.channels(), in.height(), in.width());
    }

    private List<Block> blocks(List<Layer> layers) {
        return layers.stream().map(this::block).toList();
    }

    private SequentialBlock sequence(List<Layer> layers) {
        SequentialBlock seq = new SequentialBlock();
        seq.addAll(blocks(layers));
        return seq;
    }

    private Block block(Layer layer) {
        return switch (layer) {
            case Layer.Conv c -> register(c.name(), Conv2d.builder()
                    .setKernelShape(new Shape(c.kernel(), c.kernel()))
                    .optStride(new Shape(c.stride(), c.stride()))
                    .optPadding(new Shape(c.padding(), c.padding()))
                    .setFilters(c.outChannels())
                    .optBias(c.bias())
                    .build());
            case Layer.BatchNorm b -> register(b.name(), BatchNorm.builder()
                    .optEpsilon((float) b.eps())
                    .optMomentum(0.9f)
                    .build());
            case Layer.Linear l -> register(l.name(), Linear.builder()
                    .setUnits(l.outFeatures())
                    .optBias(l.bias())
                    .build());
            case Layer.Neuron n -> new NeuronBlock(spec.activation());
            case Layer.MaxPool p -> Pool.maxPool2dBlock(new Shape(p.kernel(), p.kernel()),
                    new Shape(p.stride(), p.stride()), new Shape(p.padding(), p.padding()));
            case Layer.GlobalAvgPool g -> Pool.globalAvgPool2dBlock();
            case Layer.Flatten f -> Blocks.batchFlattenBlock();
            case Layer.Residual r -> new ResidualBlock(new NeuronBlock(spec.activation()), sequence(r.body()),
                    r.projection().isEmpty() ? null : sequence(r.projection()));
        };
    }

    private Block register(String name, Block b) {
        named.put(name, b);
        return b;
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

    private static NDArray meanOverTime(NDArray x, int steps) {
        Shape s = x.getShape();
        return x.reshape(new Shape(steps, s.get(0) / steps).addAll(s.slice(1))).mean(new int[] {0});
    }

    /** Runs the network: images in, the task's outputs out. */
    public NDArray forward(ai.djl.training.ParameterStore store, NDArray images, boolean training) {
        return block.forward(store, new NDList(images), training).singletonOrThrow();
    }
}
