package org.ibrasnn.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to find a dataset's directory: a given root must hold the files (directly or in a standard subfolder, as
 * {@code finder} decides), else the default places are tried in order.
 *
 * @param title    the dataset's name in messages, e.g. {@code CIFAR-10}
 * @param expected what a directory must hold, for messages
 * @param hint     how else to get it, appended to the not-found message (may be empty)
 * @param finder   the directory inside a place that holds the files, if any
 */
public record DatasetLookup(String title, String expected, String hint, Function<Path, Optional<Path>> finder) {

    /** {@code $IBRA_DATA/<subfolder>} for every subfolder, when IBRA_DATA is set; empty otherwise. */
    public static List<Path> underIbraData(Map<String, String> env, String... subfolders) {
        String data = env.get("IBRA_DATA");
        List<Path> out = new ArrayList<>();
        if (data != null && !data.isBlank()) {
            for (String s : subfolders) {
                out.add(Path.of(data, s));
            }
        }
        return out;
    }

    /** A finder for datasets whose directory holds the given subfolders. */
    public static Function<Path, Optional<Path>> holdingFolders(String... names) {
        return dir -> Arrays.stream(names).allMatch(n -> Files.isDirectory(dir.resolve(n))) ? Optional.of(dir)
                : Optional.empty();
    }

    /** The directory holding the dataset: inside {@code root} when not null, else inside the first place that does. */
    public Path find(Path root, List<Path> places) throws DatasetFormatException, DatasetNotFoundException {
        if (root != null) {
            return finder.apply(root).orElseThrow(() -> new DatasetFormatException(root,
                    "the dataset root does not hold " + expected));
        }
        for (Path place : places) {
            Optional<Path> found = finder.apply(place);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new DatasetNotFoundException(title + " not found; searched " + places + " (give the dataset root, "
                + "or set IBRA_DATA" + (hint.isEmpty() ? "" : ", or " + hint) + "); it must hold " + expected);
    }
}
