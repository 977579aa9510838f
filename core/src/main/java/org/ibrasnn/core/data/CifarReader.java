package org.ibrasnn.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ibrasnn.core.model.Shape;

/** Reads CIFAR-10 and CIFAR-100 binary batches (3x32x32 channel-major images). */
public final class CifarReader {

    /** The two layouts: label bytes per record, classes, and the standard file names per split. */
    public enum Variant {
        CIFAR10(1, 10, List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin"), List.of("test_batch.bin")),
        /** The fine label (second byte) is used; the coarse one (first byte) is checked to be below 20. */
        CIFAR100(2, 100, List.of("train.bin"), List.of("test.bin"));

        private final int labelBytes;
        private final int classes;
        private final List<String> trainFiles;
        private final List<String> testFiles;

        Variant(int labelBytes, int classes, List<String> trainFiles, List<String> testFiles) {
            this.labelBytes = labelBytes;
            this.classes = classes;
            this.trainFiles = trainFiles;
            this.testFiles = testFiles;
        }

        public int classes() {
            return classes;
        }

        int recordSize() {
            return labelBytes + IMAGE_BYTES;
        }
    }

    private static final Shape SHAPE = new Shape(3, 32, 32);
    private static final int IMAGE_BYTES = 3 * 32 * 32;
    private static final int COARSE_CLASSES = 20;

    private CifarReader() {}

    /** Reads the standard train and test files from a directory (e.g. cifar-10-batches-bin). */
    public static ImageDataset[] readSplits(Path dir, Variant variant) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String f : concat(variant.trainFiles, variant.testFiles)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetFormatException(dir, variant + " files missing: " + String.join(", ", missing));
        }
        return new ImageDataset[] {
            read(variant + "-train", dir, variant.trainFiles, variant),
            read(variant + "-test", dir, variant.testFiles, variant)
        };
    }

    /** Reads and concatenates batch files. */
    public static ImageDataset read(String name, Path dir, List<String> files, Variant variant) throws IOException {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        for (String f : files) {
            Path file = dir.resolve(f);
            ByteBuffer content = FileBytes.read(file);
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
            FileBytes.checkLabels(file, fileLabels, variant.classes);
            labels.write(fileLabels);
        }
        return new ImageDataset(name, SHAPE, variant.classes, pixels.toByteArray(), labels.toByteArray());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
