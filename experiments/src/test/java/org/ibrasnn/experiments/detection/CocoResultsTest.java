package org.ibrasnn.experiments.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ibrasnn.core.data.SourceIds;
import org.ibrasnn.core.task.detection.DetectionBox;
import org.junit.jupiter.api.Test;

/** Detections by image index and class label put into the ids of the COCO file they were found on. */
class CocoResultsTest {

    private static final SourceIds IDS = new SourceIds(List.of(42L, 7L, 1000L), List.of(1L, 5L, 90L));

    @Test
    void indicesAndLabelsBecomeTheSourcesIdsInOrder() {
        List<List<DetectionBox>> predictions = List.of(
                List.of(new DetectionBox(0, 2, 1, 2, 3, 4, 0.9), new DetectionBox(0, 0, 5, 6, 7, 8, 0.8)),
                List.of(),
                List.of(new DetectionBox(2, 1, 0.5, 0.25, 10, 20, 0.125)));
        assertEquals(List.of(new DetectionBox(42, 90, 1, 2, 3, 4, 0.9), new DetectionBox(42, 1, 5, 6, 7, 8, 0.8),
                new DetectionBox(1000, 5, 0.5, 0.25, 10, 20, 0.125)), CocoResults.inSourceIds(predictions, IDS));
    }

    @Test
    void predictionsThatAreNotDetectionsOrAreForMoreImagesAreRefused() {
        assertEquals("the predictions are not detections but 3", assertThrows(IllegalArgumentException.class,
                () -> CocoResults.inSourceIds(List.of(3, 1), IDS)).getMessage());
        assertEquals("4 images of predictions for a set of 3", assertThrows(IllegalArgumentException.class,
                () -> CocoResults.inSourceIds(List.of(List.of(), List.of(), List.of(), List.of()), IDS)).getMessage());
    }
}
