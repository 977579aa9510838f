package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A dataset in a directory found by a {@link DatasetLookup} in the given root or, without one, in
 * {@code $IBRA_DATA/<name>}, and read by a {@link Reader}.
 */
record FolderSource(String name, String description, boolean events, DatasetLookup lookup, Reader reader)
        implements DatasetSource {

    /** Reads the splits {@code part} names from the located directory. */
    interface Reader {
        Splits read(Path dir, LoadOptions options, Splits.Part part) throws IOException;
    }

    @Override
    public Path locate(Path root, Map<String, String> env) throws IOException {
        return lookup.find(root, DatasetLookup.underIbraData(env, name));
    }

    @Override
    public Splits load(Path dir, LoadOptions options, Splits.Part part) throws IOException {
        return reader.read(dir, options, part);
    }
}
