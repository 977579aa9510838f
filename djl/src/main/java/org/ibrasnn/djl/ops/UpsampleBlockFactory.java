package org.ibrasnn.djl.ops;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.Upsample;

/**
 * An {@link Upsample} as a block repeating every pixel {@code scale} times along height and width
 * ({@code [N, C, H, W]} to {@code [N, C, H * s, W * s]}), which is nearest-neighbour upsampling.
 */
final class UpsampleBlockFactory implements OpBlockFactory<Upsample> {

    @Override
    public Class<Upsample> op() {
        return Upsample.class;
    }

    @Override
    public Block create(Upsample u, Node node, ModelSpec spec) {
        return new LambdaBlock(x -> new NDList(x.singletonOrThrow().repeat(2, u.scale()).repeat(3, u.scale())),
                "upsample");
    }
}
