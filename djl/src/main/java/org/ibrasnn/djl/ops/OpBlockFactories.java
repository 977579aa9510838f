package org.ibrasnn.djl.ops;

import ai.djl.nn.Block;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.Op;

/** The registry of DJL block factories by core op class: adding an op is its factory file and one line here. */
public final class OpBlockFactories {

    /**
     * The momentum of every BatchNorm's running statistics in DJL's convention: after a batch in training mode,
     * {@code running = MOMENTUM * running + (1 - MOMENTUM) * batch} (PyTorch's momentum 0.1).
     */
    public static final float BATCH_NORM_MOMENTUM = 0.9f;

    private static final Map<Class<? extends Op>, OpBlockFactory<?>> FACTORIES = Stream.<OpBlockFactory<?>>of(
                    new ConvBlockFactory(),
                    new StandardizedConvBlockFactory(),
                    new BatchNormBlockFactory(),
                    new NeuronBlockFactory(),
                    new LinearBlockFactory(),
                    new MaxPoolBlockFactory(),
                    new GlobalAvgPoolBlockFactory(),
                    new FlattenBlockFactory(),
                    new AddBlockFactory(),
                    new ConcatBlockFactory(),
                    new UpsampleBlockFactory())
            .collect(Collectors.toUnmodifiableMap(OpBlockFactory::op, Function.identity()));

    private OpBlockFactories() {}

    /** The DJL block of a node of {@code spec}, or an error naming the op type that has no DJL block. */
    public static Block create(Node node, ModelSpec spec) {
        OpBlockFactory<?> factory = FACTORIES.get(node.op().getClass());
        if (factory == null) {
            throw new IllegalArgumentException("node " + node.name() + ": op type '" + node.op().type()
                    + "' has no DJL block");
        }
        return create(factory, node, spec);
    }

    private static <O extends Op> Block create(OpBlockFactory<O> factory, Node node, ModelSpec spec) {
        return factory.create(factory.op().cast(node.op()), node, spec);
    }
}
