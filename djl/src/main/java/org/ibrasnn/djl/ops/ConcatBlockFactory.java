package org.ibrasnn.djl.ops;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.Concat;

/** A {@link Concat} as a block joining its inputs along the channel axis ({@code [N, C, H, W]}), in input order. */
final class ConcatBlockFactory implements OpBlockFactory<Concat> {

    @Override
    public Class<Concat> op() {
        return Concat.class;
    }

    @Override
    public Block create(Concat c, Node node, ModelSpec spec) {
        return new LambdaBlock(inputs -> new NDList(NDArrays.concat(inputs, 1)), "concat");
    }
}
