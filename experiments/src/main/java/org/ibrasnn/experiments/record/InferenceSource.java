package org.ibrasnn.experiments.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.runtime.SpikeRuntime;

/**
 * What an inference run was computed from: the model file (its path, for people, and the SHA-256 of its content),
 * the data as read ({@link DatasetRecord}) with the SHA-256 of the dataset's files, the split, the runtime mode
 * and the number of images (the first ones of the split).
 */
public record InferenceSource(String modelPath, String modelSha256, DatasetRecord data, String datasetSha256,
                              String split, SpikeRuntime.Mode mode, int images) {

    /** The split inference runs on. */
    public static final String TEST = "test";

    public InferenceSource {
        Objects.requireNonNull(data, "data");
        for (String sha : new String[] {modelSha256, datasetSha256}) {
            if (sha == null || !sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a SHA-256 must be 64 lower-case hex digits, got " + sha);
            }
        }
        if (images < 1) {
            throw new IllegalArgumentException("a run covers at least 1 image, got " + images);
        }
    }

    /**
     * Why a record computed from {@code recorded} does not stand for a run from this source, one phrase per
     * difference ("8 images instead of 40"); empty when it does. The model's path may differ, its content may
     * not. {@code anyImages}: any number of images will do.
     */
    public List<String> mismatches(InferenceSource recorded, boolean anyImages) {
        List<String> out = new ArrayList<>();
        if (!modelSha256.equals(recorded.modelSha256)) {
            out.add("model sha256 " + shortHash(recorded.modelSha256) + " instead of " + shortHash(modelSha256));
        }
        out.addAll(data.differences(recorded.data));
        if (out.isEmpty() && !data.equals(recorded.data)) {
            out.add("data read as " + recorded.data + " instead of " + data);
        }
        if (!datasetSha256.equals(recorded.datasetSha256)) {
            out.add("dataset files sha256 " + shortHash(recorded.datasetSha256) + " instead of "
                    + shortHash(datasetSha256));
        }
        if (!split.equals(recorded.split)) {
            out.add("split " + recorded.split + " instead of " + split);
        }
        if (mode != recorded.mode) {
            out.add("mode " + recorded.mode + " instead of " + mode);
        }
        if (!anyImages && images != recorded.images) {
            out.add(recorded.images + " images instead of " + images);
        }
        return out;
    }

    private static String shortHash(String sha) {
        return sha.substring(0, 12);
    }
}
