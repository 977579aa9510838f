package org.ibrasnn.core.task.detection;

/** One scored box of one class before and after suppression: corners {@code x1, y1, x2, y2} in pixels. */
public record Candidate(int category, double score, double x1, double y1, double x2, double y2) {

    /** Intersection over union with another box; 0 when the union is empty. */
    double iou(Candidate o) {
        double w = Math.min(x2, o.x2) - Math.max(x1, o.x1);
        double h = Math.min(y2, o.y2) - Math.max(y1, o.y1);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        double union = (x2 - x1) * (y2 - y1) + (o.x2 - o.x1) * (o.y2 - o.y1) - inter;
        return union > 0 ? inter / union : 0;
    }

    /** The box clipped to a {@code width x height} image (as YOLOv8's validation clips its boxes). */
    public Candidate clipped(int width, int height) {
        return new Candidate(category, score, clamp(x1, width), clamp(y1, height), clamp(x2, width), clamp(y2, height));
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /** As a COCO result on image {@code imageId}: {@code x, y, w, h}. */
    public DetectionBox toDetection(long imageId) {
        return new DetectionBox(imageId, category, x1, y1, x2 - x1, y2 - y1, score);
    }
}
