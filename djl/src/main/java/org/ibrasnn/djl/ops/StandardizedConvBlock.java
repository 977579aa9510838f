package org.ibrasnn.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.ibrasnn.core.model.ops.StandardizedConv;

/**
 * The DJL form of a {@link StandardizedConv}: parameters {@code weight} (initialised like every weight),
 * {@code gain} (ones) and {@code bias} (zeros); each forward pass standardises the weights and convolves, so
 * the gradient flows through the standardisation.
 */
final class StandardizedConvBlock extends AbstractBlock {

    private final StandardizedConv op;
    private final Parameter weight;
    private final Parameter gain;
    private final Parameter bias;

    StandardizedConvBlock(StandardizedConv op) {
        this.op = op;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(op.out(), op.in(), op.kernel(), op.kernel())).build());
        gain = addParameter(Parameter.builder().setName("gain").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(op.out())).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(op.out())).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        // Results of an op belong to its first operand's manager: re-home the views of the parameters to the
        // batch's, so that what is derived from them is freed with the batch instead of living with the model.
        NDArray flat = w.reshape(op.out(), -1);
        flat.attach(x.getManager());
        NDArray g = store.getValue(gain, x.getDevice(), training).reshape(op.out(), 1);
        g.attach(x.getManager());
        long fanIn = flat.getShape().get(1);
        NDArray centred = flat.sub(flat.mean(new int[] {1}, true));
        NDArray variance = centred.square().mean(new int[] {1}, true);
        NDArray scale = g.div(variance.mul(fanIn).add((float) op.eps()).sqrt());
        NDArray standardized = centred.mul(scale).reshape(w.getShape());
        Shape stride = new Shape(op.stride(), op.stride());
        Shape padding = new Shape(op.padding(), op.padding());
        return Conv2d.conv2d(x, standardized, store.getValue(bias, x.getDevice(), training), stride, padding,
                new Shape(1, 1), 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        var out = op.outputShape(List.of(new org.ibrasnn.core.model.Shape((int) in.get(1), (int) in.get(2),
                (int) in.get(3))));
        return new Shape[] {new Shape(in.get(0), out.channels(), out.height(), out.width())};
    }

    @Override
    public String toString() {
        return "StandardizedConv(" + op.in() + " -> " + op.out() + ", " + op.kernel() + "x" + op.kernel() + ")";
    }
}
