package org.ibrasnn.core.data;

import org.ibrasnn.core.model.Shape;

/** An in-memory labelled image set with 8-bit pixels stored compactly in CHW order. */
public final class ImageDataset {

    private final String name;
    private final Shape shape;
    private final int classes;
    private final byte[] pixels;
    private final byte[] labels;

    /** Takes ownership of the arrays; labels must already be validated against {@code classes}. */
    ImageDataset(String name, Shape shape, int classes, byte[] pixels, byte[] labels) {
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
        return labels[i] & 0xFF;
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
        for (byte label : labels) {
            counts[label & 0xFF]++;
        }
        return counts;
    }

    /** The first {@code count} images (all if count exceeds the size). */
    public ImageDataset head(int count) {
        int n = Math.min(count, size());
        return new ImageDataset(name, shape, classes, java.util.Arrays.copyOf(pixels, n * shape.size()),
                java.util.Arrays.copyOf(labels, n));
    }
}
