package org.ibrasnn.core.data;

import java.util.ArrayList;
import java.util.List;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.task.detection.GroundTruthBox;

/**
 * An in-memory detection set: images of one channel count (each its own width and height) stored as 8-bit CHW
 * planes, and per image its ground-truth boxes in pixels. Labels are indices into {@link #classNames()}; the
 * source's own ids of images and categories are kept, so that results can be written back in its terms.
 */
public final class DetectionDataset {

    /**
     * One ground-truth box: top-left corner and size in pixels, its class label, its area (COCO's {@code area}, the
     * box's own w*h when the source has none) and whether it is a crowd region.
     */
    public record Box(int label, double x, double y, double width, double height, double area, boolean crowd) {}

    /** One image: the source's id, its file, size, and its boxes. */
    public record Image(long id, String fileName, int width, int height, List<Box> boxes) {

        public Image {
            boxes = List.copyOf(boxes);
        }
    }

    private final String name;
    private final int channels;
    private final List<Image> images;
    private final List<String> classNames;
    private final List<Long> categoryIds;
    private final byte[] pixels;
    private final int[] offsets;

    /** Takes ownership of {@code pixels}: every image's planes one after another, in order. */
    DetectionDataset(String name, int channels, List<Image> images, List<String> classNames, List<Long> categoryIds,
                     byte[] pixels) {
        if (classNames.size() != categoryIds.size()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + categoryIds.size() + " ids");
        }
        this.name = name;
        this.channels = channels;
        this.images = List.copyOf(images);
        this.classNames = List.copyOf(classNames);
        this.categoryIds = List.copyOf(categoryIds);
        this.pixels = pixels;
        this.offsets = new int[images.size() + 1];
        for (int i = 0; i < images.size(); i++) {
            offsets[i + 1] = Math.addExact(offsets[i], channels * images.get(i).width() * images.get(i).height());
        }
        if (offsets[images.size()] != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " bytes for " + offsets[images.size()]
                    + " pixels");
        }
    }

    public String name() {
        return name;
    }

    /** 1 (grey) or 3 (RGB planes). */
    public int channels() {
        return channels;
    }

    public int size() {
        return images.size();
    }

    public Image image(int i) {
        return images.get(i);
    }

    public List<Image> images() {
        return images;
    }

    /** The class names, by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** The source's category id of each label (for YOLO labels: the label itself). */
    public List<Long> categoryIds() {
        return categoryIds;
    }

    /** Raw 8-bit value of image {@code i} at flat CHW position {@code p}. */
    public int pixel(int i, int p) {
        return pixels[offsets[i] + p] & 0xFF;
    }

    /** Writes image {@code i} into {@code dst} from {@code offset} as CHW floats in [0, 1] (pixel / 255). */
    public void copyImage(int i, float[] dst, int offset) {
        for (int p = offsets[i]; p < offsets[i + 1]; p++) {
            dst[offset + p - offsets[i]] = (pixels[p] & 0xFF) / 255f;
        }
    }

    /**
     * The images as one {@link ImageDataset} of their common size, with their boxes (image id = index) and every
     * class label 0; refused, naming the first image of another size, when they differ (training and the
     * spike-driven runtime take one input shape).
     */
    public ImageDataset asImageSet() {
        if (images.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no images");
        }
        Image first = images.get(0);
        List<List<GroundTruthBox>> truths = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Image im = images.get(i);
            if (im.width() != first.width() || im.height() != first.height()) {
                throw new IllegalArgumentException(name + ": " + im.fileName() + " is " + im.width() + "x"
                        + im.height() + " but " + first.fileName() + " is " + first.width() + "x" + first.height()
                        + "; a network takes images of one size, so resize the set to one size first");
            }
            long id = i;
            truths.add(im.boxes().stream().map(b -> new GroundTruthBox(id, b.label(), b.x(), b.y(), b.width(),
                    b.height(), b.area(), b.crowd())).toList());
        }
        return new ImageDataset(name, new Shape(channels, first.height(), first.width()), classNames.size(), pixels,
                new int[images.size()], truths, new SourceIds(images.stream().map(Image::id).toList(), categoryIds));
    }
}
