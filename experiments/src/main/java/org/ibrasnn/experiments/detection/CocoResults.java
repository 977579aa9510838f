package org.ibrasnn.experiments.detection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.data.SourceIds;
import org.ibrasnn.core.task.detection.CocoJson;
import org.ibrasnn.core.task.detection.DetectionBox;

/**
 * A detector's predictions on a detection set written as a COCO results file ({@link CocoJson#writeResults}), in
 * the ids of the COCO file the set was read from, so that pycocotools scores them against that file.
 */
public final class CocoResults {

    private CocoResults() {}

    /**
     * Writes {@code predictions} (by image index, each image's detections best first, as a detection task's
     * evaluator gives them) on the first images of {@code data} to {@code file}, atomically.
     *
     * @throws IllegalArgumentException if {@code data} has no source ids or the predictions are not detections
     */
    public static void write(Path file, List<?> predictions, ImageDataset data) throws IOException {
        SourceIds ids = data.sourceIds().orElseThrow(() -> new IllegalArgumentException(data.name()
                + " has no COCO image and category ids to write detections in (not a detection set)"));
        CocoJson.writeResults(file, inSourceIds(predictions, ids));
    }

    /** The detections with their image index and class label replaced by the source's ids. */
    static List<DetectionBox> inSourceIds(List<?> predictions, SourceIds ids) {
        if (predictions.size() > ids.images().size()) {
            throw new IllegalArgumentException(predictions.size() + " images of predictions for a set of "
                    + ids.images().size());
        }
        List<DetectionBox> out = new ArrayList<>();
        for (List<DetectionBox> boxes : DetectionBox.perImage(predictions)) {
            for (DetectionBox d : boxes) {
                int index = Math.toIntExact(d.imageId());
                out.add(new DetectionBox(ids.images().get(index), Math.toIntExact(ids.categories().get(d.categoryId())),
                        d.x(), d.y(), d.w(), d.h(), d.score()));
            }
        }
        return out;
    }
}
