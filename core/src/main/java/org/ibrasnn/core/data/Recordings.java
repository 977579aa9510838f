package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.ibrasnn.core.model.Shape;

/**
 * Labelled event recordings framed into an image set whose channels hold the frames: shape
 * {@code (T * 2, H / pool, W / pool)}, channel {@code 2t} the OFF and {@code 2t + 1} the ON counts of frame t,
 * each clipped to 255. Shared by every event dataset; only the file format and the layout differ.
 */
final class Recordings {

    /** Decodes the content of one recording file. */
    interface Format {
        EventStream decode(Path file, ByteBuffer content) throws IOException;
    }

    private Recordings() {}

    /** Frames {@code items} in order, from a {@code side x side} sensor, adding every file to {@code checksum}. */
    static ImageDataset frame(String name, Path dir, List<LabelledFile> items, int classes, int side, Format format,
                              LoadOptions options, Checksum checksum) throws IOException {
        int pool = options.pool();
        if (side % pool != 0) {
            throw new LoadOptions.InvalidOption(LoadOptions.Field.POOL, "down-sampling factor " + pool + " must divide the sensor size "
                    + side + "x" + side);
        }
        Shape shape = new Shape(options.frames() * 2, side / pool, side / pool);
        ImageDataset.checkFits(dir, items.size(), shape);
        byte[] pixels = new byte[items.size() * shape.size()];
        int[] labels = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            LabelledFile item = items.get(i);
            ByteBuffer content = FileBytes.read(item.file(), FileBytes.MAX_ITEM_BYTES, "one recording", checksum);
            float[] f = EventFrames.of(format.decode(item.file(), content), options.frames(), options.frameSplit(),
                    pool);
            for (int p = 0; p < f.length; p++) {
                pixels[i * shape.size() + p] = (byte) Math.min(255, (int) f[p]);
            }
            labels[i] = item.label();
        }
        return new ImageDataset(name, shape, classes, pixels, labels);
    }
}
