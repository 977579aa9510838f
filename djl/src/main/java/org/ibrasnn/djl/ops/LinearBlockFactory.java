package org.ibrasnn.djl.ops;

import ai.djl.nn.Block;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.Linear;

/** A {@link Linear} as DJL's. */
final class LinearBlockFactory implements OpBlockFactory<Linear> {

    @Override
    public Class<Linear> op() {
        return Linear.class;
    }

    @Override
    public Block create(Linear l, Node node, ModelSpec spec) {
        return ai.djl.nn.core.Linear.builder()
                .setUnits(l.out())
                .optBias(l.bias())
                .build();
    }
}
