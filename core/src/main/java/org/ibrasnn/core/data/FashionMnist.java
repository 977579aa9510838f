package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ibrasnn.core.io.Sha256;

/**
 * Finds and loads Fashion-MNIST: the given dataset root first, then {@code $IBRA_DATA} (the files directly or a
 * {@code fashion-mnist} subdirectory), then {@code /usr/share/datasets/fashion-mnist} (Debian's
 * {@code dataset-fashion-mnist}); a place holding any of the four files is taken, so that a missing one is named.
 * Files may be gzip-compressed ({@code .gz}) or plain.
 */
public final class FashionMnist {

    /** The ten class names, by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Where Debian's dataset-fashion-mnist puts the files. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private static final List<String> BASES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private static final DatasetLookup LOOKUP = new DatasetLookup("Fashion-MNIST",
            "the Fashion-MNIST files (" + String.join(", ", BASES) + ", optionally .gz)",
            "install it: apt-get install dataset-fashion-mnist",
            dir -> BASES.stream().anyMatch(b -> Files.exists(dir.resolve(b + ".gz"))
                    || Files.exists(dir.resolve(b))) ? Optional.of(dir) : Optional.empty());

    private FashionMnist() {}

    /** Loads from the first place that holds the dataset; {@code root} may be null. */
    public static Splits load(Path root) throws IOException {
        return loadFrom(locate(root, System.getenv(), SYSTEM_DIR));
    }

    /** Loads both splits from the four files of a directory. */
    public static Splits loadFrom(Path dir) throws IOException {
        return loadFrom(dir, Splits.Part.BOTH);
    }

    /** Loads the splits {@code part} names from a directory; the checksum covers all four files. */
    public static Splits loadFrom(Path dir, Splits.Part part) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String base : BASES) {
            files.add(find(dir, base));
            FileBytes.requireReadableFile(files.getLast());
        }
        ImageDataset train = part == Splits.Part.BOTH
                ? IdxReader.read("fashion-mnist-train", files.get(0), files.get(1), 10) : null;
        ImageDataset test = IdxReader.read("fashion-mnist-test", files.get(2), files.get(3), 10);
        return new Splits(train, test, CLASS_NAMES, dir, Sha256.of(files));
    }

    /** The directory to read from; the lookup order is in the class comment. */
    static Path locate(Path root, Map<String, String> env, Path systemDir) throws IOException {
        List<Path> places = new ArrayList<>(DatasetLookup.underIbraData(env, "", "fashion-mnist"));
        places.add(systemDir);
        return LOOKUP.find(root, places);
    }

    /** The file {@code base}, compressed or not; whatever stands under its name is taken (and checked later). */
    private static Path find(Path dir, String base) throws DatasetFormatException {
        Path gz = dir.resolve(base + ".gz");
        if (Files.exists(gz)) {
            return gz;
        }
        Path plain = dir.resolve(base);
        if (Files.exists(plain)) {
            return plain;
        }
        throw new DatasetFormatException(plain, "file not found (nor " + gz.getFileName() + ")");
    }
}
