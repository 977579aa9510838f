package org.ibrasnn.djl.ops;

import ai.djl.nn.Block;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.StandardizedConv;

/** A {@link StandardizedConv} as a {@link StandardizedConvBlock}. */
final class StandardizedConvBlockFactory implements OpBlockFactory<StandardizedConv> {

    @Override
    public Class<StandardizedConv> op() {
        return StandardizedConv.class;
    }

    @Override
    public Block create(StandardizedConv c, Node node, ModelSpec spec) {
        return new StandardizedConvBlock(c);
    }
}
