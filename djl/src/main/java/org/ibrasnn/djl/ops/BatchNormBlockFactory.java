package org.ibrasnn.djl.ops;

import ai.djl.nn.Block;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.BatchNorm;

/** A {@link BatchNorm} as DJL's, with the op's epsilon and {@link OpBlockFactories#BATCH_NORM_MOMENTUM}. */
final class BatchNormBlockFactory implements OpBlockFactory<BatchNorm> {

    @Override
    public Class<BatchNorm> op() {
        return BatchNorm.class;
    }

    @Override
    public Block create(BatchNorm b, Node node, ModelSpec spec) {
        return ai.djl.nn.norm.BatchNorm.builder()
                .optEpsilon((float) b.eps())
                .optMomentum(OpBlockFactories.BATCH_NORM_MOMENTUM)
                .build();
    }
}
