package org.ibrasnn.djl.ops;

import ai.djl.nn.Block;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.djl.NeuronBlock;

/** A {@link Neuron} as a {@link NeuronBlock} with the node's activation (its own or the network's). */
final class NeuronBlockFactory implements OpBlockFactory<Neuron> {

    @Override
    public Class<Neuron> op() {
        return Neuron.class;
    }

    @Override
    public Block create(Neuron n, Node node, ModelSpec spec) {
        return new NeuronBlock(spec.activationOf(node));
    }
}
