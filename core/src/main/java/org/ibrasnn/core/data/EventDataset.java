package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
            (dir, options, part) -> load(dir, FashionMnist.CLASS_NAMES, options, part));

    private EventDataset() {}

    /** Reads both splits, as {@link #load(Path, List, LoadOptions, Splits.Part)}. */
    public static Splits load(Path root, List<String> classNames, LoadOptions options) throws IOException {
        return load(root, classNames, options, Splits.Part.BOTH);
    }

    /** Reads the splits {@code part} names and hashes every file (SHA-256 over names and contents, in order). */
    public static Splits load(Path root, List<String> classNames, LoadOptions options, Splits.Part part)
            throws IOException {
        int classes = classNames.size();
        List<LabelledFile> trainItems = list(root.resolve("train"), classes);
        List<LabelledFile> testItems = list(root.resolve("test"), classes);
        Checksum checksum = new Checksum();
        ImageDataset train = null;
        if (part == Splits.Part.BOTH) {
            train = frame(root.resolve("train"), "train", trainItems, classes, options, checksum);
        } else {
            checksum.addAll(trainItems);
        }
        ImageDataset test = frame(root.resolve("test"), "test", testItems, classes, options, checksum);
        return new Splits(train, test, classNames, root, checksum.hex());
    }

    private static ImageDataset frame(Path dir, String name, List<LabelledFile> items, int classes,
                                      LoadOptions options, Checksum checksum) throws IOException {
        int side = NMnistEvents.SIZE;
        return Recordings.frame(name, dir, items, classes, side, (f, b) -> NMnistEvents.decode(f, b, side, side),
                options, checksum);
    }

    /** The recordings of one split, by file name, then label. */
    private static List<LabelledFile> list(Path dir, int classes) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetFormatException(dir, "missing: expected a directory of label folders 0.." + (classes - 1));
        }
        List<LabelledFile> items = new ArrayList<>();
        for (Path labelDir : ClassFolders.entries(dir)) {
            Temporaries.refuse(labelDir);
            int label = label(labelDir, classes);
            for (Path f : ClassFolders.entries(labelDir)) {
                Temporaries.refuse(f);
                if (!f.getFileName().toString().endsWith(".bin")) {
                    throw new DatasetFormatException(f, "not a recording (expected *.bin in N-MNIST format)");
                }
                FileBytes.requireReadableFile(f);
                items.add(new LabelledFile(f, label));
            }
        }
        if (items.isEmpty()) {
            throw new DatasetFormatException(dir, "holds no recordings");
        }
        items.sort(Comparator.comparing((LabelledFile i) -> i.file().getFileName().toString())
                .thenComparingInt(LabelledFile::label));
        return items;
    }

    /** The label a folder's name gives, however many digits it has. */
    private static int label(Path labelDir, int classes) throws DatasetFormatException {
        String name = labelDir.getFileName().toString();
        String expected = " (label folders are named 0.." + (classes - 1) + ")";
        if (!Files.isDirectory(labelDir)) {
            throw new DatasetFormatException(labelDir, "not a label folder" + expected);
        }
        if (!name.matches("[0-9]+")) {
            throw new DatasetFormatException(labelDir, "not a label folder: '" + name + "' is not a number" + expected);
        }
        String digits = name.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 9 || Integer.parseInt(digits) >= classes) {
            throw new DatasetFormatException(labelDir, "not a label folder: " + digits + " is out of range" + expected);
        }
        return Integer.parseInt(digits);
    }
}
