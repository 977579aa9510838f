package org.ibrasnn.core.task.detection;

/** One detection in COCO results form: an {@code x, y, w, h} box in pixels with its confidence score. */
public record DetectionBox(long imageId, int categoryId, double x, double y, double w, double h, double score) {

    public DetectionBox {
        Boxes.requireBox("detection", x, y, w, h);
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("detection score must be finite: " + score);
        }
    }

    /** The area COCO bins a detection by: {@code w * h}. */
    double area() {
        return w * h;
    }
}
