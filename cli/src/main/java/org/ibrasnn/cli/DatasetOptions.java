package org.ibrasnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ibrasnn.core.data.DatasetNotFoundException;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.Datasets;
import org.ibrasnn.core.data.EventFrames;
import org.ibrasnn.core.data.LoadOptions;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.experiments.record.RunInput;
import picocli.CommandLine.Option;

/**
 * {@code --dataset}, {@code --root} and the framing and image-size options, shared by the commands that read data.
 * A command that reads data for a trained model takes the model's own dataset and framing by default, refuses
 * options that contradict them, and decodes only the test split unless it needs the train split too. A value the
 * reading cannot take is refused naming its option.
 */
final class DatasetOptions {

    private static final String DEFAULT_DATASET = "fashion-mnist";

    /** The dataset read when {@code --dataset} is not given. */
    private String fallback = DEFAULT_DATASET;

    /** The one dataset that scales and crops its pictures to {@code --image-size}. */
    private static final String IMAGE_FOLDER = "image-folder";

    @Option(names = "--dataset", completionCandidates = DatasetNames.class,
            description = "Dataset: ${COMPLETION-CANDIDATES} (default: the model's own, else " + DEFAULT_DATASET
                    + ", or coco for detectors; ibra data list describes them). Event datasets are cut into the model's T frames.")
    String dataset;

    @Option(names = "--root", description = "Directory holding the dataset files (default: $IBRA_DATA/<dataset>; "
            + "for fashion-mnist also $IBRA_DATA, then /usr/share/datasets/fashion-mnist from Debian's "
            + "dataset-fashion-mnist).")
    Path root;

    @Option(names = "--frame-split",
            description = "Event data: cut each recording into frames by TIME or by event COUNT (default: the model's "
                    + "own, else COUNT).")
    EventFrames.Split frameSplit;

    @Option(names = "--pool",
            description = "Event data: sum pool x pool pixel blocks (default: the model's own, else 1; 2 gives 17x17 "
                    + "nfashion-mnist frames, 4 gives 32x32 cifar10-dvs frames).")
    Integer pool;

    @Option(names = "--image-size",
            description = "image-folder: scale the shorter side to S and crop the centre S x S (default: the model's "
                    + "own, else " + LoadOptions.DEFAULT_IMAGE_SIZE + ").")
    Integer imageSize;

    boolean events() {
        return Datasets.named(name()).events();
    }

    /** A still-image dataset, or event data as a single frame. */
    Splits load() throws IOException {
        return load(1);
    }

    /** Both splits, as a model with {@code frames} input frames needs them. */
    Splits load(int frames) throws IOException {
        return namingOptions(() -> load(name(), options(frames), Splits.Part.BOTH));
    }

    /** What a model trained on this data records about it. */
    DatasetRecord record() {
        return namingOptions(() -> DatasetRecord.of(name(), options(1)));
    }

    /** The test split {@code model} is measured on, as {@link #loadFor(ModelFile, Splits.Part)}. */
    Splits loadFor(ModelFile model) throws IOException {
        return loadFor(model, Splits.Part.TEST);
    }

    /**
     * The data {@code model} reads, the splits {@code part} names: its recorded dataset and framing unless options
     * override them, refused when they contradict the record; a model without a record takes the options as given.
     */
    Splits loadFor(ModelFile model, Splits.Part part) throws IOException {
        DatasetRecord asked = recordFor(model);
        return namingOptions(() -> load(asked.dataset(), asked.options(model.spec().inputFrames()), part));
    }

    /** What inference of the model file {@code file} ({@code model} as read) runs on: {@link #loadFor}'s data. */
    RunInput inputFor(Path file, ModelFile model) throws IOException {
        return new RunInput(file, model, recordFor(model), loadFor(model));
    }

    /** The record of the data {@link #loadFor} reads for {@code model}. */
    DatasetRecord recordFor(ModelFile model) {
        DatasetRecord own = model.data();
        if (own == null) {
            return record();
        }
        DatasetRecord asked = namingOptions(() -> new DatasetRecord(dataset != null ? dataset : own.dataset(),
                own.normalisation(), frameSplit != null ? frameSplit : own.frameSplit(),
                pool != null ? pool : own.pool(), imageSize != null ? imageSize : own.imageSize()));
        List<String> differences = own.differences(asked);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("the model was trained on " + own.dataset() + " but the options ask for "
                    + String.join(", ", differences) + "; leave out --dataset, --frame-split and --pool to read its own");
        }
        return asked;
    }

    /** The dataset asked for, or the default. */
    String name() {
        return dataset != null ? dataset : fallback;
    }

    /** Makes {@code name} the dataset read when {@code --dataset} is not given (for detectors: coco). */
    void defaultTo(String name) {
        fallback = name;
    }

    private LoadOptions options(int frames) {
        return new LoadOptions(frames, frameSplit != null ? frameSplit : EventFrames.Split.COUNT,
                pool != null ? pool : 1, imageSize != null ? imageSize : LoadOptions.DEFAULT_IMAGE_SIZE);
    }

    private Splits load(String name, LoadOptions options, Splits.Part part) throws IOException {
        requireApplicable(name);
        try {
            return Datasets.load(name, root, options, part);
        } catch (DatasetNotFoundException e) {
            throw new DatasetNotFoundException(e.getMessage() + "; point --root at it");
        }
    }

    /** Refuses a framing or image-size option the dataset {@code name} would ignore. */
    private void requireApplicable(String name) {
        if (!Datasets.named(name).events() && (pool != null || frameSplit != null)) {
            throw new IllegalArgumentException((pool != null ? "--pool" : "--frame-split") + " applies to event "
                    + "datasets only, not to " + name);
        }
        if (imageSize != null && !name.equals(IMAGE_FOLDER)) {
            throw new IllegalArgumentException("--image-size applies to " + IMAGE_FOLDER + " only, not to " + name);
        }
    }

    /** A step that may fail on a reading option. */
    private interface Step<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code step}, turning a value the reading cannot take into a fault naming its option. */
    private static <T, E extends Exception> T namingOptions(Step<T, E> step) throws E {
        try {
            return step.run();
        } catch (LoadOptions.InvalidOption e) {
            String option = switch (e.field()) {
                case FRAMES -> "--T";
                case POOL -> "--pool";
                case IMAGE_SIZE -> "--image-size";
            };
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
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
