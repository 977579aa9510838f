package org.ibrasnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.ibrasnn.core.data.DatasetNotFoundException;
import org.ibrasnn.core.data.Datasets;
import org.ibrasnn.core.data.EventFrames;
import org.ibrasnn.core.data.LoadOptions;
import org.ibrasnn.core.data.Splits;
import picocli.CommandLine.Option;

/** {@code --dataset}, {@code --root} and the framing and image-size options, shared by the commands that read data. */
final class DatasetOptions {

    @Option(names = "--dataset", defaultValue = "fashion-mnist", completionCandidates = DatasetNames.class,
            description = "Dataset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; ibra data list describes "
                    + "them). Event datasets are cut into the model's T frames.")
    String dataset;

    @Option(names = "--root", description = "Directory holding the dataset files (default: $IBRA_DATA/<dataset>; "
            + "for fashion-mnist also $IBRA_DATA, then /usr/share/datasets/fashion-mnist from Debian's "
            + "dataset-fashion-mnist).")
    Path root;

    @Option(names = "--frame-split", defaultValue = "COUNT",
            description = "Event data: cut each recording into frames by TIME or by event COUNT (default: ${DEFAULT-VALUE}).")
    EventFrames.Split frameSplit;

    @Option(names = "--pool", defaultValue = "1",
            description = "Event data: sum pool x pool pixel blocks (default ${DEFAULT-VALUE}; 2 gives 17x17 "
                    + "nfashion-mnist frames, 4 gives 32x32 cifar10-dvs frames).")
    int pool;

    @Option(names = "--image-size", defaultValue = "" + LoadOptions.DEFAULT_IMAGE_SIZE,
            description = "image-folder: scale the shorter side to S and crop the centre S x S (default: ${DEFAULT-VALUE}).")
    int imageSize;

    boolean events() {
        return Datasets.named(dataset).events();
    }

    /** A still-image dataset, or event data as a single frame. */
    Splits load() throws IOException {
        return load(1);
    }

    /** The dataset as a model with {@code frames} input frames needs it. */
    Splits load(int frames) throws IOException {
        try {
            return Datasets.load(dataset, root, new LoadOptions(frames, frameSplit, pool, imageSize));
        } catch (DatasetNotFoundException e) {
            throw new DatasetNotFoundException(e.getMessage() + "; point --root at it");
        }
    }

    /** Completion candidates for {@code --dataset}: the registry's names. */
    static final class DatasetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Datasets.names().iterator();
        }
    }
}
