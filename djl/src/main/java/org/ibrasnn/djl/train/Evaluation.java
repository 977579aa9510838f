package org.ibrasnn.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.task.Evaluator;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.djl.SpikingNetwork;
import org.ibrasnn.djl.StagingBuffer;

/** Dense, inference-mode evaluation of a network on a labelled image set, scored by its spec's task. */
public final class Evaluation {

    /** Samples per evaluation batch after time-major expansion (images x timesteps). */
    static final int TIME_MAJOR_BATCH = 500;

    private Evaluation() {}

    /**
     * Images per evaluation batch: DJL keeps every intermediate of a batch until it ends, so the batch shrinks
     * with the timesteps (500 images at T = 1, 50 at T = 10) to keep memory the same, and further so that a
     * batch's activations at all timesteps fit half of this machine's memory; a network of which one image does
     * not fit is refused with the figures.
     */
    public static int batchSize(SpikingNetwork network) {
        var spec = network.spec();
        long perImage = spec.activationBytes() * spec.steps();
        long budget = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / 2;
        if (perImage > budget) {
            throw new IllegalArgumentException(String.format("dense evaluation needs %.2f GB for one image (%d timesteps "
                    + "x %.1f MB of activations), more than half of this machine's memory (%.2f GB)", perImage / 1e9,
                    spec.steps(), spec.activationBytes() / 1e6, budget / 1e9));
        }
        return (int) Math.max(1, Math.min(TIME_MAJOR_BATCH / spec.steps(), budget / perImage));
    }

    /** The spec's task's metrics over the first {@code limit} images ({@code <= 0}: all). */
    public static Metrics score(SpikingNetwork network, ParameterStore store, NDManager manager,
                                ImageDataset data, int batchSize, int limit) {
        return evaluate(network, store, manager, data, batchSize, limit).score(data);
    }

    /**
     * The spec's task's evaluator holding the decoded outputs of the first {@code limit} images ({@code <= 0}:
     * all), to be scored against {@code data} and asked for its predictions.
     */
    public static Evaluator evaluate(SpikingNetwork network, ParameterStore store, NDManager manager,
                                     ImageDataset data, int batchSize, int limit) {
        float[] outputs = outputs(network, store, manager, data, batchSize, limit);
        int width = outputWidth(network);
        int count = outputs.length / width;
        Evaluator evaluator = network.spec().task().evaluator(network.spec().heads(), count);
        for (int i = 0; i < count; i++) {
            evaluator.add(i, Arrays.copyOfRange(outputs, i * width, (i + 1) * width));
        }
        return evaluator;
    }

    /** Values of one image's outputs: every graph output's size, summed. */
    static int outputWidth(SpikingNetwork network) {
        return network.spec().heads().stream().mapToInt(h -> h.output().size()).sum();
    }

    /**
     * Inference-mode outputs, image-major (each image's graph outputs concatenated in the graph's order), evaluated
     * in batches with one NDManager per batch.
     */
    public static float[] outputs(SpikingNetwork network, ParameterStore store, NDManager manager,
                                 ImageDataset data, int batchSize, int limit) {
        network.spec().requireInput(data.shape());
        int count = limit > 0 ? Math.min(limit, data.size()) : data.size();
        var shape = data.shape();
        int size = shape.size();
        int width = outputWidth(network);
        float[] buffer = new float[batchSize * size];
        float[] out = new float[count * width];
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
                float[] values = network.imageMajorOutputs(store, x, false);
                System.arraycopy(values, 0, out, start * width, values.length);
            }
        }
        return out;
    }
}
