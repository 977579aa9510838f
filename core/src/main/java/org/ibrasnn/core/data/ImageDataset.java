package org.ibrasnn.core.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.task.Targets;
import org.ibrasnn.core.task.detection.GroundTruthBox;

/**
 * An in-memory labelled image set with 8-bit pixels stored compactly in CHW order, all images in one array (so at
 * most 2^31 - 9 bytes, the largest array a JVM allocates). A detection set also holds every image's ground-truth
 * boxes ({@link #boxes}, image id = index); its class labels are then all 0.
 */
public final class ImageDataset implements Targets {

    private final String name;
    private final Shape shape;
    private final int classes;
    private final byte[] pixels;
    private final int[] labels;
    private final List<List<GroundTruthBox>> boxes;
    private final SourceIds ids;

    /** Largest array a JVM allocates, in bytes. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    /** Takes ownership of the arrays; labels must already be validated against {@code classes}. */
    ImageDataset(String name, Shape shape, int classes, byte[] pixels, int[] labels) {
        this(name, shape, classes, pixels, labels, null, null);
    }

    /**
     * A detection set: {@code boxes} (may be null: none) by image, each box's image id its index, and the source's
     * ids (may be null).
     */
    ImageDataset(String name, Shape shape, int classes, byte[] pixels, int[] labels, List<List<GroundTruthBox>> boxes,
                 SourceIds ids) {
        if ((long) labels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for "
                    + pixels.length / shape.size() + " images");
        }
        this.name = name;
        this.shape = shape;
        this.classes = classes;
        this.pixels = pixels;
        this.labels = labels;
        this.boxes = boxes == null ? null : List.copyOf(boxes);
        this.ids = ids;
        if (ids != null && (ids.images().size() != labels.length || ids.categories().size() != classes)) {
            throw new IllegalArgumentException(name + ": source ids of " + ids.images().size() + " images and "
                    + ids.categories().size() + " categories for " + labels.length + " and " + classes);
        }
        if (boxes != null) {
            if (boxes.size() != labels.length) {
                throw new IllegalArgumentException(name + ": boxes for " + boxes.size() + " of " + labels.length
                        + " images");
            }
            for (int i = 0; i < boxes.size(); i++) {
                for (GroundTruthBox b : boxes.get(i)) {
                    if (b.imageId() != i || b.categoryId() < 0 || b.categoryId() >= classes) {
                        throw new IllegalArgumentException(name + ": image " + i + " has a box of image "
                                + b.imageId() + ", class " + b.categoryId() + " (of " + classes + ")");
                    }
                }
            }
        }
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

    @Override
    public int label(int i) {
        return labels[i];
    }

    /** Whether this is a detection set, holding boxes. */
    public boolean hasBoxes() {
        return boxes != null;
    }

    /** The source's ids of the images and categories, when it has them (a detection set). */
    public Optional<SourceIds> sourceIds() {
        return Optional.ofNullable(ids);
    }

    /** The ground-truth boxes of image {@code i} (image id {@code i}, category = class label). */
    @Override
    public List<GroundTruthBox> boxes(int i) {
        if (boxes == null) {
            throw new UnsupportedOperationException(name + " holds class labels, no boxes");
        }
        return boxes.get(i);
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
        return new ImageDataset(name, shape, classes, Arrays.copyOf(pixels, n * shape.size()), Arrays.copyOf(labels, n),
                boxes == null ? null : boxes.subList(0, n), ids == null ? null : ids.head(n));
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
