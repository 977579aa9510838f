package org.ibrasnn.djl.ops;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.MaxPool;

/** A {@link MaxPool} as DJL's 2-D max-pooling. */
final class MaxPoolBlockFactory implements OpBlockFactory<MaxPool> {

    @Override
    public Class<MaxPool> op() {
        return MaxPool.class;
    }

    @Override
    public Block create(MaxPool p, Node node, ModelSpec spec) {
        return Pool.maxPool2dBlock(new Shape(p.kernel(), p.kernel()), new Shape(p.stride(), p.stride()),
                new Shape(p.padding(), p.padding()));
    }
}
