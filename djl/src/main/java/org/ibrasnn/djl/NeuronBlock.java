package org.ibrasnn.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.CountingNeuronSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.Relu;

/**
 * A DJL block for any {@link Activation}: ReLU, or a spiking neuron run over T timesteps. Input and
 * output are time-major, shape {@code [T * batch, ...]}; the membrane starts at zero for every forward
 * pass and is carried from step t to t + 1 with decay alpha and the detached soft (or hard) reset.
 */
public final class NeuronBlock extends AbstractBlock {

    private final Activation activation;

    /** @throws IllegalArgumentException for a setting the training form cannot compute exactly */
    public NeuronBlock(Activation activation) {
        if (activation instanceof NeuronSpec spec) {
            NeuronFunctions.check(spec);
        }
        this.activation = activation;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(switch (activation) {
            case Relu r -> ai.djl.nn.Activation.relu(x);
            case NeuronSpec spec -> run(x, spec);
        });
    }

    private static NDArray run(NDArray x, NeuronSpec spec) {
        int steps = spec.timesteps();
        if (x.getShape().get(0) % steps != 0) {
            throw new IllegalArgumentException("neuron input has leading dimension " + x.getShape().get(0)
                    + ", not a multiple of T=" + steps);
        }
        NDList currents = steps == 1 ? new NDList(x) : x.split(steps, 0);
        NDList outputs = new NDList(steps);
        NDArray membrane = null;
        float alpha = (float) spec.alpha();
        for (int t = 0; t < steps; t++) {
            NDArray vPre = NeuronFunctions.charge(membrane, currents.get(t), alpha);
            boolean last = t == steps - 1;
            NeuronFunctions.Step step = switch (spec) {
                case LifSpec lif -> NeuronFunctions.lif(vPre, lif, last);
                case CountingNeuronSpec counting -> NeuronFunctions.counting(vPre, counting, last);
            };
            outputs.add(step.output());
            membrane = step.membrane();
        }
        return steps == 1 ? outputs.head() : NDArrays.concat(outputs, 0);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public String toString() {
        return "Neuron(" + activation.describe() + ")";
    }
}
