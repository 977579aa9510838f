package org.ibrasnn.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.ibrasnn.core.model.Shape;

/**
 * Reads IDX image and label files (the MNIST / Fashion-MNIST format), plain or gzip. The header is read and checked
 * first; then exactly the bytes it announces are read, and anything after them is a fault, so a file that
 * decompresses to more than its header says is refused without being decompressed whole.
 */
public final class IdxReader {

    static final int IMAGE_MAGIC = 0x00000803;
    static final int LABEL_MAGIC = 0x00000801;
    private static final int MAX_ITEMS = 1 << 26;
    private static final int MAX_SIDE = 1 << 12;

    private IdxReader() {}

    /** Reads an image file and its label file into one dataset, checking that they agree. */
    public static ImageDataset read(String name, Path images, Path labels, int classes) throws IOException {
        Images read = FileBytes.parse(images, in -> images(images, in));
        byte[] values = FileBytes.parse(labels, in -> {
            ByteBuffer header = header(labels, in, 8);
            magic(labels, header.getInt(), LABEL_MAGIC, "label");
            int labelCount = dimension(labels, header.getInt(), MAX_ITEMS, "label count");
            return body(labels, in, 8, labelCount, labelCount + " labels");
        });
        FileBytes.checkLabels(labels, values, classes);
        if (values.length != read.count()) {
            throw new DatasetFormatException(labels, "holds " + values.length + " labels but " + images + " holds "
                    + read.count() + " images");
        }
        return new ImageDataset(name, read.shape(), classes, read.pixels(), FileBytes.unsigned(values));
    }

    private record Images(int count, Shape shape, byte[] pixels) {}

    private static Images images(Path file, InputStream in) throws IOException {
        ByteBuffer header = header(file, in, 16);
        magic(file, header.getInt(), IMAGE_MAGIC, "image");
        int count = dimension(file, header.getInt(), MAX_ITEMS, "image count");
        int rows = dimension(file, header.getInt(), MAX_SIDE, "rows");
        int cols = dimension(file, header.getInt(), MAX_SIDE, "columns");
        Shape shape = new Shape(1, rows, cols);
        long bytes = (long) count * rows * cols;
        if (bytes > ImageDataset.MAX_BYTES) {
            throw new DatasetFormatException(file, "the header announces " + count + " images of " + rows + "x" + cols
                    + ", " + bytes + " bytes, more than the " + ImageDataset.MAX_BYTES + " one image set can hold");
        }
        ImageDataset.checkFits(file, count, shape);
        return new Images(count, shape, body(file, in, 16, bytes, count + " images of " + rows + "x" + cols));
    }

    private static ByteBuffer header(Path file, InputStream in, int length) throws IOException {
        byte[] header = in.readNBytes(length);
        if (header.length < length) {
            throw new DatasetFormatException(file, "truncated header: " + header.length + " bytes, need " + length);
        }
        return ByteBuffer.wrap(header);
    }

    /** The {@code bytes} bytes of {@code what} after a header of {@code headerBytes}, and nothing more. */
    private static byte[] body(Path file, InputStream in, int headerBytes, long bytes, String what)
            throws IOException {
        byte[] body = in.readNBytes((int) bytes);
        if (body.length < bytes) {
            throw new DatasetFormatException(file, "too short: " + (headerBytes + body.length) + " bytes, but " + what
                    + " need " + (headerBytes + bytes));
        }
        FileBytes.checkEnded(file, in, headerBytes + bytes, what);
        return body;
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
