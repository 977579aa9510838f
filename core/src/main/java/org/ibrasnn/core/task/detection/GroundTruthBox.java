package org.ibrasnn.core.task.detection;

/**
 * One ground-truth object as COCO annotates it: an {@code x, y, w, h} box in pixels, the {@code area} COCO
 * bins into small/medium/large (the annotation's own field, not necessarily {@code w * h}), and
 * {@code iscrowd}, which makes the box ignored and matchable by any number of detections. (COCOeval replaces an
 * annotation's {@code ignore} field by {@code iscrowd}, so there is no separate flag.)
 */
public record GroundTruthBox(long imageId, int categoryId, double x, double y, double w, double h, double area,
        boolean iscrowd) {

    public GroundTruthBox {
        Boxes.requireBox("ground truth", x, y, w, h);
        if (!Double.isFinite(area) || area < 0) {
            throw new IllegalArgumentException("ground truth area must be finite and >= 0: " + area);
        }
    }

    /** A non-crowd box whose area is {@code w * h}. */
    public static GroundTruthBox of(long imageId, int categoryId, double x, double y, double w, double h) {
        return new GroundTruthBox(imageId, categoryId, x, y, w, h, w * h, false);
    }
}
