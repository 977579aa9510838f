package org.ibrasnn.djl.ops;

import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.GlobalAvgPool;

/** A {@link GlobalAvgPool} as DJL's 2-D global average pooling ({@code [N, C, H, W]} to {@code [N, C]}). */
final class GlobalAvgPoolBlockFactory implements OpBlockFactory<GlobalAvgPool> {

    @Override
    public Class<GlobalAvgPool> op() {
        return GlobalAvgPool.class;
    }

    @Override
    public Block create(GlobalAvgPool g, Node node, ModelSpec spec) {
        return Pool.globalAvgPool2dBlock();
    }
}
