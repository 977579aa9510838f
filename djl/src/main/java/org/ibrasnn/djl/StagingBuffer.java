package org.ibrasnn.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One reusable direct buffer through which host arrays enter libtorch. Given a heap array, DJL copies it
 * into a fresh direct buffer that only the garbage collector frees; training makes little Java garbage,
 * so those buffers piled up as steady native-memory growth (about 0.5 MiB per batch). The tensor made
 * here shares the buffer's memory, so the caller must close it (with its batch NDManager) before the next
 * call overwrites the buffer.
 */
public final class StagingBuffer {

    private ByteBuffer direct = ByteBuffer.allocateDirect(0);

    /** A float32 tensor of {@code shape} holding {@code values[0 .. shape.size())}. */
    public NDArray floats(NDManager manager, float[] values, Shape shape) {
        int count = Math.toIntExact(shape.size());
        ByteBuffer b = reserve(count * Float.BYTES);
        b.asFloatBuffer().put(values, 0, count);
        return manager.create(b, shape, DataType.FLOAT32);
    }

    /** An int64 tensor of {@code shape} holding {@code values[0 .. shape.size())}. */
    public NDArray longs(NDManager manager, long[] values, Shape shape) {
        int count = Math.toIntExact(shape.size());
        ByteBuffer b = reserve(count * Long.BYTES);
        b.asLongBuffer().put(values, 0, count);
        return manager.create(b, shape, DataType.INT64);
    }

    private ByteBuffer reserve(int bytes) {
        if (direct.capacity() < bytes) {
            direct = ByteBuffer.allocateDirect(bytes);
        }
        return direct.slice(0, bytes).order(ByteOrder.nativeOrder());
    }
}
