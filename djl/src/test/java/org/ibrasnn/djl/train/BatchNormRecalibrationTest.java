package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precise BN on the tiny conv-BN network, against batch statistics of the conv computed here by hand. */
class BatchNormRecalibrationTest {

    @TempDir
    Path dir;

    private ModelFile trained(ImageDataset train) throws IOException {
        Recipe recipe = new Recipe("test", 1, 16, OptimizerKind.SGD, 0.05f, 0.9f, 5e-4f, 0.5f, 0f, 1, true, 0f, 0f,
                0f, 3);
        Path out = dir.resolve("run");
        TrainingRun.execute(new TrainingRun.Plan(TinyData.spec(IbraLifSpec.paperDefault(1)), recipe, train, train,
                out, false, Map.of("dataset_sha256", "test")), TrainingListener.NONE);
        return ModelFile.read(out.resolve(TrainingRun.MODEL_FILE));
    }

    @Test
    void statisticsAreTheMeanOverBatchesOfEachBatchsMeanAndUnbiasedVariance() throws IOException {
        ImageDataset train = TinyData.make(dir, "train", 64, 1);
        ModelFile model = trained(train);
        int[] done = new int[1];
        ModelFile recalibrated = new BatchNormRecalibration(48, 16).apply(model, train, b -> done[0] = b);
        assertEquals(3, done[0]);

        float[] w = model.tensors().get("conv.weight").toArray(); // [4][1][3][3], no bias
        double[] mean = new double[4];
        double[] var = new double[4];
        float[] images = new float[16 * 64];
        for (int b = 0; b < 3; b++) {
            int[] indices = new int[16];
            for (int i = 0; i < 16; i++) {
                indices[i] = 16 * b + i;
            }
            train.copyImages(indices, images);
            for (int c = 0; c < 4; c++) {
                double[] out = new double[16 * 64];
                for (int i = 0; i < 16; i++) {
                    for (int y = 0; y < 8; y++) {
                        for (int x = 0; x < 8; x++) {
                            double s = 0;
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int iy = y + ky - 1;
                                    int ix = x + kx - 1;
                                    if (iy >= 0 && iy < 8 && ix >= 0 && ix < 8) {
                                        s += w[9 * c + 3 * ky + kx] * images[64 * i + 8 * iy + ix];
                                    }
                                }
                            }
                            out[64 * i + 8 * y + x] = s;
                        }
                    }
                }
                double m = java.util.Arrays.stream(out).average().orElseThrow();
                double ss = java.util.Arrays.stream(out).map(v -> (v - m) * (v - m)).sum();
                mean[c] += m / 3;
                var[c] += ss / (out.length - 1) / 3;
            }
        }
        float[] runningMean = recalibrated.tensors().get("bn.running_mean").toArray();
        float[] runningVar = recalibrated.tensors().get("bn.running_var").toArray();
        for (int c = 0; c < 4; c++) {
            assertEquals(mean[c], runningMean[c], 1e-5 * Math.max(1, Math.abs(mean[c])), "mean of channel " + c);
            assertEquals(var[c], runningVar[c], 1e-5 * var[c], "variance of channel " + c);
            assertTrue(Math.abs(runningVar[c] - model.tensors().get("bn.running_var").toArray()[c]) > 1e-6,
                    "the training's own statistic of channel " + c + " was kept");
        }
        for (String name : model.tensors().keySet()) {
            if (!name.contains("running_")) {
                assertArrayEquals(model.tensors().get(name).toArray(), recalibrated.tensors().get(name).toArray(),
                        name);
            }
        }
        assertEquals(model.spec(), recalibrated.spec());
        assertEquals("re-estimated on the first 48 training images of train in batches of 16, without augmentation",
                recalibrated.provenance().get(BatchNormRecalibration.PROVENANCE));
    }

    @Test
    void refusesMoreImagesThanTheSplitHoldsANetworkWithoutBatchNormAndCountsThatAreNotWholeBatches() throws IOException {
        ImageDataset train = TinyData.make(dir, "train", 32, 1);
        ModelFile model = trained(train);
        var tooMany = assertThrows(IllegalArgumentException.class,
                () -> new BatchNormRecalibration(48, 16).apply(model, train, b -> { }));
        assertEquals("the training split of train holds 32 images, fewer than the 48 to estimate the BatchNorm "
                + "statistics on", tooMany.getMessage());
        ModelSpec noBn = new ModelSpec("tiny-no-bn", new Shape(1, 8, 8), 2, IbraLifSpec.paperDefault(1),
                new GraphBuilder().then("conv", new Conv(1, 4, 3, 1, 1, true)).then("spike", new Neuron())
                        .then(new Flatten()).then("fc", new Linear(4 * 64, 2, true)).build());
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ModelTensors.expected(noBn).forEach((name, shape) -> tensors.put(name,
                Tensor.of(new float[java.util.Arrays.stream(shape).reduce(1, (x, y) -> x * y)], shape)));
        var withoutBn = assertThrows(IllegalArgumentException.class, () -> new BatchNormRecalibration(16, 16)
                .apply(new ModelFile("training", noBn, Map.of(), tensors), train, b -> { }));
        assertEquals("the model (tiny-no-bn) has no BatchNorm", withoutBn.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchNormRecalibration(40, 16));
        assertThrows(IllegalArgumentException.class, () -> new BatchNormRecalibration(8, 16));
        assertThrows(IllegalArgumentException.class, () -> new BatchNormRecalibration(16, 1));
    }
}
