package org.ibrasnn.core.data;

import java.nio.file.Path;
import org.ibrasnn.core.model.Shape;

/**
 * An in-memory labelled image set with 8-bit pixels stored compactly in CHW order, all images in one array (so at
 * most 2^31 - 9 bytes, the largest array a JVM allocates).
 */
public final class ImageDataset {

    private final String name;
    private final Shape shape;
    private final int classes;
    private final byte[] pixels;
    private final int[] labels;

    /** Largest array a JVM allocates, in bytes. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    /** Takes ownership of the arrays; labels must already be validated against {@code classes}. */
    ImageDataset(String name, Shape shape, int classes, byte[] pixels, int[] labels) {
        if ((long) labels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for "
                    + pixels.length / shape.size() + " images");
        }
        this.name = name;
        this.shape = shape;
        this.classes = classes;
        this.pixels = pixels;
        this.labels = labels;
    }

    public String name() {
        return name;
    }

    public Shape shape() {
        return shape;
    }

    public int classes() {
        return classes;
    }

    public int size() {
        return labels.length;
    }

    public int label(int i) {
        return labels[i];
    }

    /** Raw 8-bit value of one pixel of image {@code i} at flat CHW position {@code p}. */
    public int pixel(int i, int p) {
        return pixels[i * shape.size() + p] & 0xFF;
    }

    /** Writes the images at {@code indices} contiguously into {@code dst} as floats in [0, 1] (pixel / 255). */
    public void copyImages(int[] indices, float[] dst) {
        int size = shape.size();
        for (int k = 0; k < indices.length; k++) {
            int from = indices[k] * size;
            int to = k * size;
            for (int p = 0; p < size; p++) {
                dst[to + p] = (pixels[from + p] & 0xFF) / 255f;
            }
        }
    }

    /** Number of images per class. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The first {@code count} images (all if count exceeds the size). */
    public ImageDataset head(int count) {
        int n = Math.min(count, size());
        return new ImageDataset(name, shape, classes, java.util.Arrays.copyOf(pixels, n * shape.size()),
                java.util.Arrays.copyOf(labels, n));
    }

    /**
     * Refuses, before anything is decoded, a set of {@code images} images of {@code shape} from {@code source} that
     * one array cannot hold or that exceeds the heap this JVM has left.
     */
    static void checkFits(Path source, long images, Shape shape) {
        Runtime rt = Runtime.getRuntime();
        checkFits(source, images, shape, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()), rt.maxMemory());
    }

    /** {@link #checkFits(Path, long, Shape)} with {@code free} bytes left of a {@code maxHeap}-byte heap. */
    static void checkFits(Path source, long images, Shape shape, long free, long maxHeap) {
        long bytes = images * shape.size();
        String what = source + ": " + images + " images of " + shape + " take " + bytes + " bytes";
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(what + ", more than the " + MAX_BYTES + " one image set can hold; "
                    + "use fewer images or a smaller size");
        }
        if (bytes > free) {
            throw new IllegalArgumentException(what + ", more than the " + free + " bytes left on this JVM's heap "
                    + "(maximum " + maxHeap + "); raise the maximum heap (-Xmx), or use fewer images or a smaller "
                    + "size");
        }
    }
}
