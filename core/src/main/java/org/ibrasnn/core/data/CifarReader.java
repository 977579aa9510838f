package org.ibrasnn.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ibrasnn.core.io.Sha256;
import org.ibrasnn.core.model.Shape;

/** Reads CIFAR-10 and CIFAR-100 binary batches (3x32x32 channel-major images). */
public final class CifarReader {

    /**
     * The two layouts: label bytes per record, classes, the standard file names per split and the most records one
     * of them holds (what the official files hold; a larger file is refused before it is read whole).
     */
    public enum Variant {
        CIFAR10("CIFAR-10", 1, CifarClasses.CIFAR10, List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                "data_batch_4.bin", "data_batch_5.bin"), List.of("test_batch.bin"), "cifar-10-batches-bin", 10_000),
        /** The fine label (second byte) is used; the coarse one (first byte) is checked to be below 20. */
        CIFAR100("CIFAR-100", 2, CifarClasses.CIFAR100, List.of("train.bin"), List.of("test.bin"), "cifar-100-binary",
                50_000);

        private final String title;
        private final int labelBytes;
        private final List<String> classNames;
        private final List<String> trainFiles;
        private final List<String> testFiles;
        private final String folder;
        private final int maxRecords;

        Variant(String title, int labelBytes, List<String> classNames, List<String> trainFiles,
                List<String> testFiles, String folder, int maxRecords) {
            this.title = title;
            this.labelBytes = labelBytes;
            this.classNames = classNames;
            this.trainFiles = trainFiles;
            this.testFiles = testFiles;
            this.folder = folder;
            this.maxRecords = maxRecords;
        }

        public int classes() {
            return classNames.size();
        }

        /** Class names by label, as the dataset's meta files list them. */
        public List<String> classNames() {
            return classNames;
        }

        /** The train files followed by the test files. */
        public List<String> files() {
            return concat(trainFiles, testFiles);
        }

        int recordSize() {
            return labelBytes + IMAGE_BYTES;
        }
    }

    private static final Shape SHAPE = new Shape(3, 32, 32);
    private static final int IMAGE_BYTES = 3 * 32 * 32;
    private static final int COARSE_CLASSES = 20;

    private CifarReader() {}

    /**
     * The dataset {@code name}: the standard files directly in the dataset root or in the folder the official archive
     * unpacks to ({@code cifar-10-batches-bin}, {@code cifar-100-binary}); without a root, {@code $IBRA_DATA/<name>}
     * is searched the same way. A folder holding any of the files is taken, so that the missing ones are named.
     */
    static DatasetSource source(String name, Variant variant) {
        String expected = "the " + variant.title + " binary batches (" + String.join(", ", variant.files())
                + ", directly or in " + variant.folder + "/)";
        return new FolderSource(name, variant.title + " binary batches: " + variant.classes() + " classes of 3x32x32 "
                + "colour images", false, new DatasetLookup(variant.title, expected, "", place -> {
                    for (Path dir : List.of(place, place.resolve(variant.folder))) {
                        if (variant.files().stream().anyMatch(f -> Files.exists(dir.resolve(f)))) {
                            return Optional.of(dir);
                        }
                    }
                    return Optional.empty();
                }), (dir, options, part) -> load(dir, variant, part));
    }

    /** Reads the standard train and test files from a directory (e.g. cifar-10-batches-bin). */
    public static Splits load(Path dir, Variant variant) throws IOException {
        return load(dir, variant, Splits.Part.BOTH);
    }

    /** Reads the splits {@code part} names from a directory; the checksum covers every standard file. */
    public static Splits load(Path dir, Variant variant, Splits.Part part) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String f : variant.files()) {
            if (!Files.exists(dir.resolve(f))) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetFormatException(dir, variant + " files missing: " + String.join(", ", missing));
        }
        for (String f : variant.files()) {
            FileBytes.requireReadableFile(dir.resolve(f));
        }
        ImageDataset train = part == Splits.Part.BOTH ? read(variant + "-train", dir, variant.trainFiles, variant)
                : null;
        ImageDataset test = read(variant + "-test", dir, variant.testFiles, variant);
        return new Splits(train, test, variant.classNames, dir,
                Sha256.of(variant.files().stream().map(dir::resolve).toList()));
    }

    /** Reads and concatenates batch files. */
    public static ImageDataset read(String name, Path dir, List<String> files, Variant variant) throws IOException {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        for (String f : files) {
            Path file = dir.resolve(f);
            ByteBuffer content = FileBytes.read(file, (long) variant.maxRecords * variant.recordSize(),
                    variant.maxRecords + " " + variant.title + " records");
            int length = content.limit();
            if (length == 0 || length % variant.recordSize() != 0) {
                throw new DatasetFormatException(file, "length " + length + " is not a positive multiple of the "
                        + variant + " record size " + variant.recordSize());
            }
            int records = length / variant.recordSize();
            byte[] fileLabels = new byte[records];
            byte[] coarse = new byte[variant == Variant.CIFAR100 ? records : 0];
            byte[] image = new byte[IMAGE_BYTES];
            for (int r = 0; r < records; r++) {
                content.position(r * variant.recordSize());
                if (variant == Variant.CIFAR100) {
                    coarse[r] = content.get();
                }
                fileLabels[r] = content.get();
                content.get(image);
                pixels.write(image);
            }
            FileBytes.checkLabels(file, coarse, COARSE_CLASSES);
            FileBytes.checkLabels(file, fileLabels, variant.classes());
            labels.write(fileLabels);
        }
        return new ImageDataset(name, SHAPE, variant.classes(), pixels.toByteArray(),
                FileBytes.unsigned(labels.toByteArray()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
