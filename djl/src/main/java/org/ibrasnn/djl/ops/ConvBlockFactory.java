package org.ibrasnn.djl.ops;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.Conv;

/** A {@link Conv} as DJL's {@link Conv2d}, grouped when the op is. */
final class ConvBlockFactory implements OpBlockFactory<Conv> {

    @Override
    public Class<Conv> op() {
        return Conv.class;
    }

    @Override
    public Block create(Conv c, Node node, ModelSpec spec) {
        return Conv2d.builder()
                .setKernelShape(new Shape(c.kernel(), c.kernel()))
                .optStride(new Shape(c.stride(), c.stride()))
                .optPadding(new Shape(c.padding(), c.padding()))
                .optGroups(c.groups())
                .setFilters(c.out())
                .optBias(c.bias())
                .build();
    }
}
