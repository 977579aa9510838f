package org.ibrasnn.core.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A dataset's train and test splits, the name of every class by label, the directory they came from and a
 * SHA-256 over their files. A load of {@link Part#TEST} decodes the test split only (the train split is then
 * absent, {@code train} null); the checksum still covers every file of the dataset.
 */
public record Splits(ImageDataset train, ImageDataset test, List<String> classNames, Path directory, String checksum) {

    /** Which splits a load decodes. */
    public enum Part {
        /** Train and test. */
        BOTH,
        /** The test split only, for the commands that measure a trained model. */
        TEST
    }

    public Splits {
        classNames = List.copyOf(classNames);
        if (classNames.size() != test.classes() || train != null && classNames.size() != train.classes()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + test.classes()
                    + " classes");
        }
    }

    /** The train split; fails for a test-only load. */
    @Override
    public ImageDataset train() {
        if (train == null) {
            throw new IllegalStateException("the train split of " + directory + " was not loaded (a test-only load)");
        }
        return train;
    }
}
