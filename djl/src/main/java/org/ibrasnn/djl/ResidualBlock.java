package org.ibrasnn.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Spike-driven residual block with a membrane shortcut:
 * {@code s = entry(x); y = body(s) + (projection == null ? x : projection(s))}.
 */
final class ResidualBlock extends AbstractBlock {

    private final Block entry;
    private final Block body;
    private final Block projection;

    ResidualBlock(Block entry, Block body, Block projection) {
        this.entry = addChildBlock("entry", entry);
        this.body = addChildBlock("body", body);
        this.projection = projection == null ? null : addChildBlock("projection", projection);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList spikes = entry.forward(store, inputs, training, params);
        NDArray main = body.forward(store, spikes, training, params).singletonOrThrow();
        NDArray shortcut = projection == null
                ? inputs.singletonOrThrow()
                : projection.forward(store, spikes, training, params).singletonOrThrow();
        return new NDList(main.add(shortcut));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        entry.initialize(manager, dataType, inputShapes);
        body.initialize(manager, dataType, inputShapes);
        if (projection != null) {
            projection.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return body.getOutputShapes(inputShapes);
    }
}
