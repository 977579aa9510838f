package org.ibrasnn.core.io;

import java.util.Arrays;

/** An immutable float32 tensor: a shape and its values in row-major order. */
public final class Tensor {

    private final int[] shape;
    private final float[] data;

    private Tensor(float[] data, int[] shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                    + " values but " + data.length + " were given");
        }
        this.shape = shape;
        this.data = data;
    }

    /** A tensor holding a copy of {@code data} with the given shape. */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(data.clone(), shape.clone());
    }

    /** A tensor that takes ownership of {@code data}: the caller must not change it afterwards. */
    static Tensor wrap(float[] data, int[] shape) {
        return new Tensor(data, shape);
    }

    /** The dimensions (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return data.length;
    }

    public float get(int flatIndex) {
        return data[flatIndex];
    }

    /** The values (a copy). */
    public float[] toArray() {
        return data.clone();
    }

    /** Shape as text, e.g. {@code [64, 3, 3, 3]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + shapeText();
    }
}
