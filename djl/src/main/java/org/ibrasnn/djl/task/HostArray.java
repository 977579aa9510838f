package org.ibrasnn.djl.task;

import ai.djl.ndarray.types.Shape;

/**
 * A batch's target values on the host, float32 or int64, with their shape: a {@link TrainingTask} makes them
 * and the trainer moves them into libtorch through its own reusable buffers.
 */
public record HostArray(Shape shape, float[] floats, long[] longs) {

    public HostArray {
        long size = floats != null ? floats.length : longs.length;
        if ((floats == null) == (longs == null) || size != shape.size()) {
            throw new IllegalArgumentException("a host array holds either floats or longs, " + shape.size()
                    + " of them for " + shape);
        }
    }

    /** Float32 values of {@code shape}. */
    public static HostArray of(float[] values, Shape shape) {
        return new HostArray(shape, values, null);
    }

    /** Int64 values of {@code shape}. */
    public static HostArray of(long[] values, Shape shape) {
        return new HostArray(shape, null, values);
    }
}
