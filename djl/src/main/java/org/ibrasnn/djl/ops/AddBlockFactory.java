package org.ibrasnn.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.Add;

/** An {@link Add} as a block summing its inputs left to right: {@code ((x0 + x1) + x2) + ...}. */
final class AddBlockFactory implements OpBlockFactory<Add> {

    @Override
    public Class<Add> op() {
        return Add.class;
    }

    @Override
    public Block create(Add a, Node node, ModelSpec spec) {
        return new LambdaBlock(AddBlockFactory::sum, "add");
    }

    private static NDList sum(NDList inputs) {
        NDArray total = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            total = total.add(inputs.get(i));
        }
        return new NDList(total);
    }
}
