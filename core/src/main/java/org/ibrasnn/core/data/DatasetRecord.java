package org.ibrasnn.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a model was trained on and how its input was made, as its model file records it so that the steps
 * after training read the same data the same way: the dataset's registry name, how pixels become inputs, and
 * the reading options ({@link LoadOptions}) except the frame count, which the model's spec holds.
 *
 * @param dataset       a {@link Datasets} name, e.g. {@code fashion-mnist}
 * @param normalisation how a stored value becomes an input value (every reader today: {@link #PIXEL_OVER_255})
 */
public record DatasetRecord(String dataset, String normalisation, EventFrames.Split frameSplit, int pool,
                            int imageSize) {

    /** Inputs are the stored 8-bit values divided by 255, no mean or deviation subtracted. */
    public static final String PIXEL_OVER_255 = "pixel/255";

    public DatasetRecord {
        Objects.requireNonNull(dataset, "the data record lacks 'dataset'");
        Objects.requireNonNull(normalisation, "the data record lacks 'normalisation'");
        Objects.requireNonNull(frameSplit, "the data record lacks 'frameSplit'");
        Datasets.named(dataset);
        if (!PIXEL_OVER_255.equals(normalisation)) {
            throw new IllegalArgumentException("unknown normalisation '" + normalisation + "' (this build knows "
                    + PIXEL_OVER_255 + ")");
        }
        new LoadOptions(1, frameSplit, pool, imageSize);
    }

    /** The record of data read with {@code options} (its frame count belongs to the model). */
    public static DatasetRecord of(String dataset, LoadOptions options) {
        return new DatasetRecord(dataset, PIXEL_OVER_255, options.frameSplit(), options.pool(), options.imageSize());
    }

    /** The options that read the data again for a model that takes {@code frames} frames. */
    public LoadOptions options(int frames) {
        return new LoadOptions(frames, frameSplit, pool, imageSize);
    }

    /**
     * How {@code other} differs from this record in the dataset or, for event data, its framing, one phrase per
     * difference; empty when they agree. (A different image size shows as a different input shape.)
     */
    public List<String> differences(DatasetRecord other) {
        List<String> out = new ArrayList<>();
        if (!dataset.equals(other.dataset)) {
            out.add("dataset " + other.dataset + " instead of " + dataset);
            return out;
        }
        if (Datasets.named(dataset).events()) {
            if (frameSplit != other.frameSplit) {
                out.add("frames split by " + other.frameSplit + " instead of " + frameSplit);
            }
            if (pool != other.pool) {
                out.add("pooling " + other.pool + " instead of " + pool);
            }
        }
        return out;
    }
}
