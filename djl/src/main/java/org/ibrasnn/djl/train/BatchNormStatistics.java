package org.ibrasnn.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.Collection;
import java.util.List;
import java.util.function.IntConsumer;
import org.ibrasnn.djl.SpikingNetwork;
import org.ibrasnn.djl.StagingBuffer;
import org.ibrasnn.djl.ops.OpBlockFactories;

/**
 * Re-estimates the BatchNorm running statistics of a network for its present weights: each running mean and
 * variance becomes the plain mean, over the batches {@link #add added}, of its BN's batch mean and unbiased batch
 * variance. A weight average needs it: the average of the running statistics is not the statistics of the averaged
 * weights, and where the weights move fast (the {@code detect} recipe's Adam at 6e-2) the two differ enough to ruin
 * the averaged network. {@link BatchNormRecalibration} uses it on a finished model.
 */
final class BatchNormStatistics {

    /** Training batches the statistics are estimated on. */
    static final int BATCHES = 50;

    private final List<Parameter> statistics;
    private final List<double[]> sums;
    private int batches;

    /** Collects the running statistics among {@code parameters}. */
    BatchNormStatistics(Collection<Parameter> parameters) {
        statistics = parameters.stream().filter(p -> p.getType() == Parameter.Type.RUNNING_MEAN
                || p.getType() == Parameter.Type.RUNNING_VAR).toList();
        sums = statistics.stream().map(p -> new double[Math.toIntExact(p.getArray().size())]).toList();
    }

    /** Whether the parameters hold no running statistic (a network without BatchNorm). */
    boolean isEmpty() {
        return statistics.isEmpty();
    }

    /**
     * Zeroes every running statistic and runs {@code forward}, one batch through the network in training mode, so
     * that each statistic then holds {@code (1 - momentum)} times its batch value; adds that batch value.
     */
    void add(Runnable forward) {
        for (int i = 0; i < statistics.size(); i++) {
            statistics.get(i).getArray().set(FloatBuffer.wrap(new float[sums.get(i).length]));
        }
        forward.run();
        double share = 1 - OpBlockFactories.BATCH_NORM_MOMENTUM;
        for (int i = 0; i < statistics.size(); i++) {
            float[] values = statistics.get(i).getArray().toFloatArray();
            double[] sum = sums.get(i);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += values[j] / share;
            }
        }
        batches++;
    }

    /** Puts the images of batch {@code b}, CHW after one another, into {@code buffer}. */
    @FunctionalInterface
    interface BatchSource {
        void fill(int b, float[] buffer);
    }

    /**
     * {@link #add Adds} {@code batches} batches of {@code n} images from {@code source}, each run through
     * {@code network} in training mode in a sub-manager of {@code manager}; {@code done} hears the count after each.
     */
    void addBatches(SpikingNetwork network, ParameterStore store, NDManager manager, int batches, int n,
                    BatchSource source, IntConsumer done) {
        var in = network.spec().input();
        float[] buffer = new float[n * in.size()];
        StagingBuffer images = new StagingBuffer();
        for (int b = 0; b < batches; b++) {
            source.fill(b, buffer);
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = images.floats(batch, buffer, new Shape(n, in.channels(), in.height(), in.width()));
                add(() -> network.forwardAll(store, x, true));
            }
            done.accept(b + 1);
        }
    }

    /** Sets every running statistic to its mean over the batches added. */
    void install() {
        if (batches == 0) {
            throw new IllegalStateException("no batch was added to estimate the BatchNorm statistics on");
        }
        for (int i = 0; i < statistics.size(); i++) {
            double[] sum = sums.get(i);
            float[] mean = new float[sum.length];
            for (int j = 0; j < sum.length; j++) {
                mean[j] = (float) (sum[j] / batches);
            }
            statistics.get(i).getArray().set(FloatBuffer.wrap(mean));
        }
    }
}
