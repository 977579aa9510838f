package org.ibrasnn.core.task.detection;

/** Box checks and the box overlap COCO scores with. */
final class Boxes {

    private Boxes() {}

    static void requireBox(String what, double x, double y, double w, double h) {
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(w) && Double.isFinite(h)) || w < 0 || h < 0) {
            throw new IllegalArgumentException(what + " box must be finite with w, h >= 0: [" + x + ", " + y + ", "
                    + w + ", " + h + "]");
        }
    }

    /**
     * Intersection over union of a detection and a ground truth, 0 unless they overlap with positive width and
     * height. Against a crowd box the denominator is the detection's own area (the share of the detection
     * inside the crowd region). Evaluated in the same order of double operations as pycocotools' box IoU.
     */
    static double iou(DetectionBox d, GroundTruthBox g) {
        double w = Math.min(d.w() + d.x(), g.w() + g.x()) - Math.max(d.x(), g.x());
        if (w <= 0) {
            return 0;
        }
        double h = Math.min(d.h() + d.y(), g.h() + g.y()) - Math.max(d.y(), g.y());
        if (h <= 0) {
            return 0;
        }
        double inter = w * h;
        double detArea = d.w() * d.h();
        return inter / (g.iscrowd() ? detArea : detArea + g.w() * g.h() - inter);
    }
}
