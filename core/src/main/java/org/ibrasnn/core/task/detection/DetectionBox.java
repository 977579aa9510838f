package org.ibrasnn.core.task.detection;

import java.util.ArrayList;
import java.util.List;

/** One detection in COCO results form: an {@code x, y, w, h} box in pixels with its confidence score. */
public record DetectionBox(long imageId, int categoryId, double x, double y, double w, double h, double score) {

    public DetectionBox {
        Boxes.requireBox("detection", x, y, w, h);
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("detection score must be finite: " + score);
        }
    }

    /**
     * A detection task's predictions (by image, each a list of detections, as its evaluator gives them) typed as
     * such.
     *
     * @throws IllegalArgumentException naming the first element that is not an image's list of detections
     */
    public static List<List<DetectionBox>> perImage(List<?> predictions) {
        List<List<DetectionBox>> out = new ArrayList<>(predictions.size());
        for (Object image : predictions) {
            if (!(image instanceof List<?> boxes)) {
                throw new IllegalArgumentException("the predictions are not detections but " + image);
            }
            for (Object box : boxes) {
                if (!(box instanceof DetectionBox)) {
                    throw new IllegalArgumentException("the predictions are not detections but " + box);
                }
            }
            out.add(boxes.stream().map(DetectionBox.class::cast).toList());
        }
        return out;
    }

    /** The area COCO bins a detection by: {@code w * h}. */
    double area() {
        return w * h;
    }
}
