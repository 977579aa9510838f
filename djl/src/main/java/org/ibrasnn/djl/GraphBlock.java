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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.djl.ops.OpBlockFactories;

/**
 * A DJL block running a spec's {@link Graph}: one child block per node (from {@link OpBlockFactories}),
 * evaluated in graph order on one input array; a node gets the values of its inputs in its input order, and
 * the block returns the values of the graph's outputs in output order. Initialisation goes through the
 * nodes in the same order, so parameters are created (and randomly drawn) in graph order.
 */
public final class GraphBlock extends AbstractBlock {

    private final Graph graph;
    private final Map<String, Block> blocks = new LinkedHashMap<>();

    /** The blocks of every node of {@code spec}'s graph; fails on an op without a DJL block. */
    public GraphBlock(ModelSpec spec) {
        this.graph = spec.graph();
        for (Node n : graph.nodes()) {
            blocks.put(n.name(), addChildBlock(n.name(), OpBlockFactories.create(n, spec)));
        }
    }

    /** The block of every node by node name, in graph order. */
    public Map<String, Block> nodeBlocks() {
        return Collections.unmodifiableMap(blocks);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        Map<String, NDArray> values = new HashMap<>();
        values.put(Graph.INPUT, inputs.singletonOrThrow());
        for (Node n : graph.nodes()) {
            NDList in = new NDList(n.inputs().stream().map(values::get).toList());
            values.put(n.name(), blocks.get(n.name()).forward(store, in, training, params).singletonOrThrow());
        }
        return new NDList(graph.outputs().stream().map(values::get).toList());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        propagate(inputShapes, (block, in) -> block.initialize(manager, dataType, in));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Map<String, Shape> shapes = propagate(inputShapes, (block, in) -> {});
        return graph.outputs().stream().map(shapes::get).toArray(Shape[]::new);
    }

    /** Every node's output shape, visiting each node's block with its input shapes first, in graph order. */
    private Map<String, Shape> propagate(Shape[] inputShapes, BiConsumer<Block, Shape[]> visit) {
        if (inputShapes.length != 1) {
            throw new IllegalArgumentException("a graph reads one input, got " + inputShapes.length);
        }
        Map<String, Shape> shapes = new HashMap<>();
        shapes.put(Graph.INPUT, inputShapes[0]);
        for (Node n : graph.nodes()) {
            Block block = blocks.get(n.name());
            Shape[] in = n.inputs().stream().map(shapes::get).toArray(Shape[]::new);
            visit.accept(block, in);
            shapes.put(n.name(), block.getOutputShapes(in)[0]);
        }
        return shapes;
    }
}
