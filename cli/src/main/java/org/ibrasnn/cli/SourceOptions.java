package org.ibrasnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.Splits;
import picocli.CommandLine.Option;

/** The options of the commands that make a dataset out of Fashion-MNIST: the source, its place, how many images. */
final class SourceOptions {

    @Option(names = "--from", defaultValue = "fashion-mnist",
            description = "Source dataset (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--root", description = "Directory holding the Fashion-MNIST files (default: $IBRA_DATA, then "
            + "/usr/share/datasets/fashion-mnist).")
    private Path root;

    @Option(names = "--limit", defaultValue = "0",
            description = "Use the first K images of each source split (0: all).")
    int limit;

    /** Fails, naming the option, on an unknown source or a negative limit; done before any work. */
    void check() {
        if (!"fashion-mnist".equals(from)) {
            throw new IllegalArgumentException("--from: unknown source '" + from + "'; supported: fashion-mnist");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
        }
    }

    /** Both splits of the source. */
    Splits load() throws IOException {
        return FashionMnist.load(root);
    }
}
