package org.ibrasnn.djl.ops;

import ai.djl.nn.Block;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.Op;

/**
 * Builds the DJL block of one kind of core {@link Op}; each lives in its own file and is listed in
 * {@link OpBlockFactories}. The block reads the node's inputs as one array each, in the node's input order,
 * time-major ({@code [T * batch, ...]}), and returns one array.
 *
 * @param <O> the core op class this factory builds blocks for
 */
public interface OpBlockFactory<O extends Op> {

    /** The core op class, the registry's key. */
    Class<O> op();

    /** A new block for {@code node}, whose op is {@code op}, in the network {@code spec}. */
    Block create(O op, Node node, ModelSpec spec);
}
