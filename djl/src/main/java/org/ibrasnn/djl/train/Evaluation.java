package org.ibrasnn.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.djl.SpikingNetwork;

/** Dense, inference-mode evaluation of a network on a labelled image set. */
public final class Evaluation {

    /** Samples per evaluation batch after time-major expansion (images x timesteps). */
    static final int TIME_MAJOR_BATCH = 500;

    private Evaluation() {}

    /**
     * Images per evaluation batch: DJL keeps every intermediate of a batch until it ends, so the batch shrinks
     * with the timesteps (500 images at T = 1, 50 at T = 10) to keep memory the same.
     */
    public static int batchSize(SpikingNetwork network) {
        return Math.max(1, TIME_MAJOR_BATCH / network.spec().steps());
    }

    /** Top-1 accuracy in [0, 1] over the first {@code limit} images ({@code <= 0}: all). */
    public static double accuracy(SpikingNetwork network, ParameterStore store, NDManager manager,
                                  ImageDataset data, int batchSize, int limit) {
        float[] logits = logits(network, store, manager, data, batchSize, limit);
        int classes = network.spec().classes();
        int count = logits.length / classes;
        long correct = 0;
        for (int i = 0; i < count; i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                best = logits[i * classes + k] > logits[i * classes + best] ? k : best;
            }
            correct += best == data.label(i) ? 1 : 0;
        }
        return count == 0 ? 0 : (double) correct / count;
    }

    /** Inference-mode logits, image-major, evaluated in batches with one NDManager per batch. */
    public static float[] logits(SpikingNetwork network, ParameterStore store, NDManager manager,
                                 ImageDataset data, int batchSize, int limit) {
        int count = limit > 0 ? Math.min(limit, data.size()) : data.size();
        var shape = data.shape();
        int size = shape.size();
        int classes = network.spec().classes();
        float[] buffer = new float[batchSize * size];
        float[] out = new float[count * classes];
        StagingBuffer staging = new StagingBuffer();
        for (int start = 0; start < count; start += batchSize) {
            int n = Math.min(batchSize, count - start);
            int[] indices = new int[n];
            for (int i = 0; i < n; i++) {
                indices[i] = start + i;
            }
            data.copyImages(indices, buffer);
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = staging.floats(batch, buffer, new Shape(n, shape.channels(), shape.height(), shape.width()));
                float[] values = network.forward(store, x, false).toFloatArray();
                System.arraycopy(values, 0, out, start * classes, values.length);
            }
        }
        return out;
    }
}
