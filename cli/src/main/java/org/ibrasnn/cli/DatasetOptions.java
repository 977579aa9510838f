package org.ibrasnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.ImageDataset;
import picocli.CommandLine.Option;

/** {@code --dataset} and {@code --root}, shared by the commands that read data. */
final class DatasetOptions {

    /** Train and test splits plus a checksum of the files they came from. */
    record Splits(ImageDataset train, ImageDataset test, String checksum, Path directory) {}

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "Dataset name; supported: fashion-mnist (default).")
    String dataset;

    @Option(names = "--root", description = "Directory holding the dataset files (default: $IBRA_DATA, then "
            + "/usr/share/datasets/fashion-mnist from Debian's dataset-fashion-mnist).")
    Path root;

    Splits load() throws IOException {
        if (!"fashion-mnist".equals(dataset)) {
            throw new IllegalArgumentException("unknown dataset '" + dataset + "'; supported: fashion-mnist");
        }
        FashionMnist.Loaded loaded = FashionMnist.load(root);
        return new Splits(loaded.train(), loaded.test(), loaded.checksum(), loaded.directory());
    }
}
