package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The datasets reachable by name. Adding one is adding its reader with a {@link DatasetSource} (most are a
 * folder source) and one line to {@link #SOURCES}; nothing else names datasets.
 */
public final class Datasets {

    private static final List<DatasetSource> SOURCES = List.of(
            new FashionMnistSource(),
            EventDataset.NFASHION_MNIST,
            CifarReader.source("cifar10", CifarReader.Variant.CIFAR10),
            CifarReader.source("cifar100", CifarReader.Variant.CIFAR100),
            Cifar10Dvs.SOURCE,
            ImageFolder.SOURCE,
            DetectionFolders.COCO,
            DetectionFolders.YOLO);

    private static final Map<String, DatasetSource> BY_NAME = SOURCES.stream()
            .collect(Collectors.toUnmodifiableMap(DatasetSource::name, s -> s));

    private Datasets() {}

    /** Every source, in registration order. */
    public static List<DatasetSource> all() {
        return SOURCES;
    }

    /** The names, in registration order. */
    public static List<String> names() {
        return SOURCES.stream().map(DatasetSource::name).toList();
    }

    /** The source of that name, or a failure naming the known ones. */
    public static DatasetSource named(String name) {
        DatasetSource source = BY_NAME.get(name);
        if (source == null) {
            throw new IllegalArgumentException("unknown dataset '" + name + "'; known: " + String.join(", ", names()));
        }
        return source;
    }

    /** Locates and loads both splits of a dataset, as {@link #load(String, Path, LoadOptions, Splits.Part)}. */
    public static Splits load(String name, Path root, LoadOptions options) throws IOException {
        return load(name, root, options, Splits.Part.BOTH);
    }

    /**
     * Locates a dataset and loads the splits {@code part} names; {@code root} may be null (the source's default
     * places are searched). A model that takes more than one frame needs an event dataset.
     */
    public static Splits load(String name, Path root, LoadOptions options, Splits.Part part) throws IOException {
        DatasetSource source = named(name);
        if (!source.events() && options.frames() > 1) {
            throw new IllegalArgumentException("the model takes " + options.frames() + " event frames, but " + name
                    + " holds still images; use an event dataset (" + String.join(", ", eventNames()) + ")");
        }
        return source.load(source.locate(root, System.getenv()), options, part);
    }

    private static List<String> eventNames() {
        return SOURCES.stream().filter(DatasetSource::events).map(DatasetSource::name).toList();
    }
}
