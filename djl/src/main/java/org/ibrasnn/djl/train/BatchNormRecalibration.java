package org.ibrasnn.djl.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.djl.NamedParameters;
import org.ibrasnn.djl.ParameterTensors;

/**
 * "Precise BatchNorm" for a trained model: every BN's running mean and variance become the plain mean, over the
 * first {@code images} training images taken in batches of {@code batch} without augmentation, of its batch mean
 * and unbiased batch variance, for the weights as they are, instead of the average of the last ten or so training
 * batches (momentum 0.9) that training leaves. Where batch statistics swing from batch to batch, as on scenes of one
 * to four garments on black, a detector's inference-mode score can move by points between two such estimates; this
 * measures that as much as it remedies it.
 *
 * @param images training images the statistics are estimated on (a multiple of {@code batch})
 * @param batch  images per forward pass, as in training
 */
public record BatchNormRecalibration(int images, int batch) {

    /** The provenance key naming the recalibration. */
    public static final String PROVENANCE = "batchnorm_statistics";

    public BatchNormRecalibration {
        if (batch < 2) {
            throw new IllegalArgumentException("a batch for BatchNorm statistics needs >= 2 images, got " + batch);
        }
        if (images < batch || images % batch != 0) {
            throw new IllegalArgumentException("the image count must be a positive multiple of the batch size "
                    + batch + ", got " + images);
        }
    }

    /** How many batches are run. */
    public int batches() {
        return images / batch;
    }

    /**
     * The training model {@code file} with re-estimated BN statistics (every other tensor as it was) and a
     * provenance entry saying how they were estimated. {@code batchesDone} hears the count after each batch.
     */
    public ModelFile apply(ModelFile file, ImageDataset train, IntConsumer batchesDone) {
        if (train.size() < images) {
            throw new IllegalArgumentException("the training split of " + train.name() + " holds " + train.size()
                    + " images, fewer than the " + images + " to estimate the BatchNorm statistics on");
        }
        try (LoadedModel model = LoadedModel.of(file)) {
            var parameters = NamedParameters.of(model.network());
            BatchNormStatistics statistics = new BatchNormStatistics(parameters.values());
            if (statistics.isEmpty()) {
                throw new IllegalArgumentException("the model (" + file.spec().arch() + ") has no BatchNorm");
            }
            statistics.addBatches(model.network(), model.store(), model.manager(), batches(), batch, (b, buffer) -> {
                int[] indices = new int[batch];
                Arrays.setAll(indices, i -> b * batch + i);
                train.copyImages(indices, buffer);
            }, batchesDone);
            statistics.install();
            Map<String, String> provenance = new LinkedHashMap<>(file.provenance());
            provenance.put(PROVENANCE, "re-estimated on the first " + images + " training images of "
                    + train.name() + " in batches of " + batch + ", without augmentation");
            return file.derive(file.kind(), file.spec(), provenance, ParameterTensors.snapshot(parameters));
        }
    }
}
