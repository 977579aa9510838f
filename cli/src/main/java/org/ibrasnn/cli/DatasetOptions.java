package org.ibrasnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.ibrasnn.core.data.EventDataset;
import org.ibrasnn.core.data.EventFrames;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.Splits;
import picocli.CommandLine.Option;

/** {@code --dataset}, {@code --root} and the event-framing options, shared by the commands that read data. */
final class DatasetOptions {

    static final String EVENTS = "nfashion-mnist";

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist (default), or " + EVENTS + ": event recordings written by ibra data "
                    + "make-events, read from --root and cut into T frames.")
    String dataset;

    @Option(names = "--root", description = "Directory holding the dataset files (default for fashion-mnist: "
            + "$IBRA_DATA, then /usr/share/datasets/fashion-mnist from Debian's dataset-fashion-mnist).")
    Path root;

    @Option(names = "--frame-split", defaultValue = "COUNT",
            description = "Event data: cut each recording into frames by TIME or by event COUNT (default: ${DEFAULT-VALUE}).")
    EventFrames.Split frameSplit;

    @Option(names = "--pool", defaultValue = "1",
            description = "Event data: sum pool x pool pixel blocks (default ${DEFAULT-VALUE}; 2 gives 17x17 frames).")
    int pool;

    boolean events() {
        return EVENTS.equals(dataset);
    }

    /** A still-image dataset, or event data as a single frame. */
    Splits load() throws IOException {
        return load(1);
    }

    /** The dataset as a model with {@code frames} input frames needs it. */
    Splits load(int frames) throws IOException {
        return switch (dataset) {
            case "fashion-mnist" -> {
                if (frames > 1) {
                    throw new IllegalArgumentException("the model takes " + frames + " event frames; use --dataset "
                            + EVENTS + " --root DIR");
                }
                yield FashionMnist.load(root);
            }
            case EVENTS -> {
                if (root == null) {
                    throw new IllegalArgumentException("--dataset " + EVENTS + " needs --root DIR, a directory written "
                            + "by ibra data make-events");
                }
                yield EventDataset.load(root, FashionMnist.CLASS_NAMES.size(), frames, frameSplit, pool);
            }
            default -> throw new IllegalArgumentException("unknown dataset '" + dataset + "'; supported: fashion-mnist, "
                    + EVENTS);
        };
    }
}
