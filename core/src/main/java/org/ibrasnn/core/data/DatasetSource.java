package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A dataset reachable by name through {@link Datasets}: where its files live and how they become train and test
 * {@link Splits}. Still-image sources ignore the framing options; event sources cut each recording into the
 * number of frames the model takes.
 */
public interface DatasetSource {

    /** The name users pick it by, e.g. {@code cifar10}. */
    String name();

    /** One line saying what it is and the layout it expects. */
    String description();

    /** Whether the items are event recordings, framed into the model's T input frames. */
    boolean events();

    /** The directory holding the files: {@code root} when not null, else the first default place that holds them. */
    Path locate(Path root, Map<String, String> env) throws IOException;

    /** Reads and validates the splits {@code part} names from a directory {@link #locate} returned. */
    Splits load(Path dir, LoadOptions options, Splits.Part part) throws IOException;
}
