package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ibrasnn.djl.ops.OpBlockFactories;
import org.junit.jupiter.api.Test;

/** Re-estimated BN statistics against the batch means and unbiased variances computed here by hand. */
class BatchNormStatisticsTest {

    private static final int N = 4;
    private static final int C = 2;
    private static final int HW = 9;

    @Test
    void runningStatisticsBecomeTheMeanOfTheBatchStatistics() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BatchNorm bn = BatchNorm.builder().optMomentum(OpBlockFactories.BATCH_NORM_MOMENTUM).build();
            bn.initialize(manager, DataType.FLOAT32, new Shape(N, C, 3, 3));
            List<Parameter> parameters = bn.getParameters().values();
            for (Parameter p : parameters) {
                float[] garbage = new float[C];
                Arrays.fill(garbage, 7f);
                p.getArray().set(FloatBuffer.wrap(garbage));
            }
            SplittableRandom random = new SplittableRandom(5);
            float[][] batches = {values(random, 1f), values(random, -3f)};
            ParameterStore store = new ParameterStore(manager, false);
            BatchNormStatistics statistics = new BatchNormStatistics(parameters);
            for (float[] x : batches) {
                NDArray input = manager.create(x, new Shape(N, C, 3, 3));
                statistics.add(() -> bn.forward(store, new NDList(input), true));
            }
            statistics.install();

            double[] mean = new double[C];
            double[] var = new double[C];
            for (float[] x : batches) {
                for (int c = 0; c < C; c++) {
                    double sum = 0;
                    double squares = 0;
                    for (int n = 0; n < N; n++) {
                        for (int i = 0; i < HW; i++) {
                            double v = x[(n * C + c) * HW + i];
                            sum += v;
                            squares += v * v;
                        }
                    }
                    int count = N * HW;
                    double m = sum / count;
                    mean[c] += m / batches.length;
                    var[c] += (squares - count * m * m) / (count - 1) / batches.length;
                }
            }
            for (Parameter p : parameters) {
                float[] actual = p.getArray().toFloatArray();
                switch (p.getType()) {
                    case RUNNING_MEAN -> assertArrayEquals(toFloats(mean), actual, 1e-5f, "running mean");
                    case RUNNING_VAR -> assertArrayEquals(toFloats(var), actual, 1e-4f, "running variance");
                    default -> assertArrayEquals(new float[] {7f, 7f}, actual, 0f, p.getName() + " is not a statistic");
                }
            }
        }
    }

    @Test
    void refusesToInstallWithoutABatch() {
        assertThrows(IllegalStateException.class, () -> new BatchNormStatistics(List.of()).install());
    }

    /** A batch whose channel 1 is shifted by {@code shift} and scaled by 3, so the channels' statistics differ. */
    private static float[] values(SplittableRandom random, float shift) {
        float[] x = new float[N * C * HW];
        for (int i = 0; i < x.length; i++) {
            boolean second = i / HW % C == 1;
            x[i] = (float) (second ? 3 * random.nextGaussian() + shift : random.nextGaussian());
        }
        return x;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
