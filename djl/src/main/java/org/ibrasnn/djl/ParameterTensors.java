package org.ibrasnn.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ibrasnn.core.io.Tensor;

/** Copies between DJL arrays and the model file's float32 {@link Tensor}s. */
public final class ParameterTensors {

    private ParameterTensors() {}

    /** A snapshot of an array as a tensor. */
    public static Tensor toTensor(NDArray array) {
        long[] dims = array.getShape().getShape();
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = Math.toIntExact(dims[i]);
        }
        return Tensor.of(array.toFloatArray(), shape);
    }

    /** Snapshots of all parameters by tensor name. */
    public static Map<String, Tensor> snapshot(Map<String, Parameter> parameters) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        parameters.forEach((name, p) -> out.put(name, toTensor(p.getArray())));
        return out;
    }

    /**
     * Overwrites every parameter with the tensor of its name; a missing tensor or another shape is an
     * IllegalArgumentException naming it.
     */
    public static void loadAll(Map<String, Parameter> parameters, Map<String, Tensor> tensors) {
        parameters.forEach((name, p) -> {
            Tensor t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException("tensor " + name + " is missing");
            }
            load(p.getArray(), t, name);
        });
    }

    /** Overwrites an array's values in place with a tensor of the same shape. */
    public static void load(NDArray target, Tensor source, String name) {
        Shape expected = target.getShape();
        long[] found = new long[source.shape().length];
        for (int i = 0; i < found.length; i++) {
            found[i] = source.shape()[i];
        }
        if (!expected.equals(new Shape(found))) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + new Shape(found)
                    + " but the network expects " + expected);
        }
        target.set(FloatBuffer.wrap(source.toArray()));
    }
}
