package org.ibrasnn.djl.ops;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.Flatten;

/** A {@link Flatten} as DJL's batch flattening ({@code [N, C, H, W]} to {@code [N, C * H * W]}). */
final class FlattenBlockFactory implements OpBlockFactory<Flatten> {

    @Override
    public Class<Flatten> op() {
        return Flatten.class;
    }

    @Override
    public Block create(Flatten f, Node node, ModelSpec spec) {
        return Blocks.batchFlattenBlock();
    }
}
