package org.ibrasnn.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Finds and loads Fashion-MNIST: {@code --root} first, then {@code $IBRA_DATA} (the files directly or a
 * {@code fashion-mnist} subdirectory), then {@code /usr/share/datasets/fashion-mnist} (Debian's
 * {@code dataset-fashion-mnist}). Files may be gzip-compressed ({@code .gz}) or plain.
 */
public final class FashionMnist {

    /** The ten class names, by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Where Debian's dataset-fashion-mnist puts the files. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private static final List<String> BASES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private FashionMnist() {}

    /** Loads from the first place that holds the dataset; {@code root} may be null. */
    public static Splits load(Path root) throws IOException {
        return loadFrom(locate(root, System.getenv(), SYSTEM_DIR));
    }

    /** Loads the four files from a directory. */
    public static Splits loadFrom(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String base : BASES) {
            files.add(find(dir, base));
        }
        ImageDataset train = IdxReader.read("fashion-mnist-train", files.get(0), files.get(1), 10);
        ImageDataset test = IdxReader.read("fashion-mnist-test", files.get(2), files.get(3), 10);
        return new Splits(train, test, dir, sha256(files));
    }

    /** The directory to read from; the lookup order is in the class comment. */
    static Path locate(Path root, Map<String, String> env, Path systemDir) throws IOException {
        if (root != null) {
            if (!holds(root)) {
                throw new DatasetFormatException(root, "--root does not hold the Fashion-MNIST files ("
                        + String.join(", ", BASES) + ", optionally .gz)");
            }
            return root;
        }
        List<Path> searched = new ArrayList<>();
        String data = env.get("IBRA_DATA");
        if (data != null && !data.isBlank()) {
            searched.add(Path.of(data));
            searched.add(Path.of(data, "fashion-mnist"));
        }
        searched.add(systemDir);
        for (Path dir : searched) {
            if (holds(dir)) {
                return dir;
            }
        }
        throw new java.io.FileNotFoundException("Fashion-MNIST not found; searched " + searched
                + " (set --root or IBRA_DATA, or install it: apt-get install dataset-fashion-mnist)");
    }

    private static boolean holds(Path dir) {
        return BASES.stream().allMatch(b -> Files.isRegularFile(dir.resolve(b + ".gz"))
                || Files.isRegularFile(dir.resolve(b)));
    }

    private static Path find(Path dir, String base) throws DatasetFormatException {
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(base);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new DatasetFormatException(plain, "file not found (nor " + gz.getFileName() + ")");
    }

    private static String sha256(List<Path> files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), digest)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
