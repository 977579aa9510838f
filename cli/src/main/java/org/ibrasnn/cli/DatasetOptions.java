package org.ibrasnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.Splits;
import picocli.CommandLine.Option;

/** {@code --dataset} and {@code --root}, shared by the commands that read data. */
final class DatasetOptions {

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
        return FashionMnist.load(root);
    }
}
