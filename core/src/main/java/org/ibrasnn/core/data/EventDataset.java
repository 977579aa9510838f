package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of N-MNIST-format recordings laid out as {@code ROOT/train/<label>/*.bin} and
 * {@code ROOT/test/<label>/*.bin} (what {@code ibra data make-events} writes, and N-MNIST's own layout), framed by
 * {@link Recordings}. Recordings are ordered by file name, then label, so the order of the source images is kept.
 */
public final class EventDataset {

    /** Simulated recordings of Fashion-MNIST, as {@code ibra data make-events} writes them. */
    static final DatasetSource NFASHION_MNIST = new FolderSource("nfashion-mnist", "event recordings of "
            + "Fashion-MNIST in N-MNIST format (34x34 sensor; ibra data make-events writes them), cut into T frames",
            true, new DatasetLookup("nfashion-mnist", "N-MNIST recordings train/<label>/*.bin and test/<label>/*.bin",
                    "", DatasetLookup.holdingFolders("train", "test")),
            (dir, options) -> load(dir, FashionMnist.CLASS_NAMES, options));

    private EventDataset() {}

    /** Reads both splits and hashes every file read (SHA-256 over names and contents, in order). */
    public static Splits load(Path root, List<String> classNames, LoadOptions options) throws IOException {
        Checksum checksum = new Checksum();
        ImageDataset train = read(root.resolve("train"), "train", classNames.size(), options, checksum);
        ImageDataset test = read(root.resolve("test"), "test", classNames.size(), options, checksum);
        return new Splits(train, test, classNames, root, checksum.hex());
    }

    private static ImageDataset read(Path dir, String name, int classes, LoadOptions options, Checksum checksum)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetFormatException(dir, "missing: expected a directory of label folders 0.." + (classes - 1));
        }
        List<LabelledFile> items = new ArrayList<>();
        try (Stream<Path> labels = Files.list(dir)) {
            for (Path labelDir : labels.sorted().toList()) {
                String label = labelDir.getFileName().toString();
                if (!Files.isDirectory(labelDir) || !label.matches("[0-9]+") || Integer.parseInt(label) >= classes) {
                    throw new DatasetFormatException(labelDir, "not a label folder (expected 0.." + (classes - 1) + ")");
                }
                try (Stream<Path> files = Files.list(labelDir)) {
                    for (Path f : files.sorted().toList()) {
                        if (!f.getFileName().toString().endsWith(".bin")) {
                            throw new DatasetFormatException(f, "not a recording (expected *.bin in N-MNIST format)");
                        }
                        items.add(new LabelledFile(f, Integer.parseInt(label)));
                    }
                }
            }
        }
        if (items.isEmpty()) {
            throw new DatasetFormatException(dir, "holds no recordings");
        }
        items.sort(Comparator.comparing((LabelledFile i) -> i.file().getFileName().toString())
                .thenComparingInt(LabelledFile::label));
        int side = NMnistEvents.SIZE;
        return Recordings.frame(name, dir, items, classes, side, f -> NMnistEvents.read(f, side, side), options,
                checksum);
    }
}
