package org.ibrasnn.core.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A dataset's train and test splits, the name of every class by label, the directory they came from and a
 * SHA-256 over their files.
 */
public record Splits(ImageDataset train, ImageDataset test, List<String> classNames, Path directory, String checksum) {

    public Splits {
        classNames = List.copyOf(classNames);
        if (classNames.size() != train.classes() || classNames.size() != test.classes()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + train.classes() + " and "
                    + test.classes() + " classes");
        }
    }
}
