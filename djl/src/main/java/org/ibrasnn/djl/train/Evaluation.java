package org.ibrasnn.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.djl.SpikingNetwork;

/** Dense, inference-mode evaluation of a network on a labelled image set. */
public final class Evaluation {

    private Evaluation() {}

    /** Top-1 accuracy in [0, 1], evaluated in batches with one NDManager per batch. */
    public static double accuracy(SpikingNetwork network, ParameterStore store, NDManager manager,
                                  ImageDataset data, int batchSize, int limit) {
        int count = limit > 0 ? Math.min(limit, data.size()) : data.size();
        var shape = data.shape();
        int size = shape.size();
        float[] buffer = new float[batchSize * size];
        long correct = 0;
        for (int start = 0; start < count; start += batchSize) {
            int n = Math.min(batchSize, count - start);
            int[] indices = new int[n];
            long[] labels = new long[n];
            for (int i = 0; i < n; i++) {
                indices[i] = start + i;
                labels[i] = data.label(start + i);
            }
            data.copyImages(indices, buffer);
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = batch.create(FloatBuffer.wrap(buffer, 0, n * size),
                        new Shape(n, shape.channels(), shape.height(), shape.width()));
                NDArray predicted = network.forward(store, x, false).argMax(1);
                correct += predicted.eq(batch.create(labels)).countNonzero().getLong();
            }
        }
        return count == 0 ? 0 : (double) correct / count;
    }
}
