package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.ibrasnn.core.model.Shape;

/** Reads IDX image and label files (the MNIST / Fashion-MNIST format), plain or gzip. */
public final class IdxReader {

    static final int IMAGE_MAGIC = 0x00000803;
    static final int LABEL_MAGIC = 0x00000801;
    private static final int MAX_ITEMS = 1 << 26;
    private static final int MAX_SIDE = 1 << 12;

    private IdxReader() {}

    /** Reads an image file and its label file into one dataset, checking that they agree. */
    public static ImageDataset read(String name, Path images, Path labels, int classes) throws IOException {
        ByteBuffer img = FileBytes.read(images);
        if (img.limit() < 16) {
            throw new DatasetFormatException(images, "truncated header: " + img.limit() + " bytes, need 16");
        }
        magic(images, img.getInt(), IMAGE_MAGIC, "image");
        int count = dimension(images, img.getInt(), MAX_ITEMS, "image count");
        int rows = dimension(images, img.getInt(), MAX_SIDE, "rows");
        int cols = dimension(images, img.getInt(), MAX_SIDE, "columns");
        FileBytes.checkLength(images, img, 16L + (long) count * rows * cols, count + " images of " + rows + "x" + cols);
        byte[] pixels = new byte[count * rows * cols];
        img.get(pixels);

        ByteBuffer lab = FileBytes.read(labels);
        if (lab.limit() < 8) {
            throw new DatasetFormatException(labels, "truncated header: " + lab.limit() + " bytes, need 8");
        }
        magic(labels, lab.getInt(), LABEL_MAGIC, "label");
        int labelCount = dimension(labels, lab.getInt(), MAX_ITEMS, "label count");
        FileBytes.checkLength(labels, lab, 8L + labelCount, labelCount + " labels");
        byte[] values = new byte[labelCount];
        lab.get(values);
        FileBytes.checkLabels(labels, values, classes);
        if (labelCount != count) {
            throw new DatasetFormatException(labels, "holds " + labelCount + " labels but " + images + " holds "
                    + count + " images");
        }
        return new ImageDataset(name, new Shape(1, rows, cols), classes, pixels, FileBytes.unsigned(values));
    }

    private static void magic(Path file, int found, int expected, String what) throws DatasetFormatException {
        if (found != expected) {
            throw new DatasetFormatException(file, String.format("bad magic number 0x%08x, expected 0x%08x for an "
                    + "IDX %s file", found, expected, what));
        }
    }

    private static int dimension(Path file, int value, int max, String what) throws DatasetFormatException {
        if (value <= 0 || value > max) {
            throw new DatasetFormatException(file, "invalid " + what + " " + Integer.toUnsignedString(value)
                    + " in the header (must be 1.." + max + ")");
        }
        return value;
    }
}
