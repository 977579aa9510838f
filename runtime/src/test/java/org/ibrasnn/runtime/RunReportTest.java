package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.core.task.detection.DetectionBox;
import org.junit.jupiter.api.Test;

/** A run's predictions read back as detections, and refused when they are another task's. */
class RunReportTest {

    private static RunReport with(List<?> predictions) {
        return new RunReport("spike_driven", predictions.size(), Metrics.of("m", 0), 1, 1, 1, List.of(), predictions);
    }

    @Test
    void aDetectorsPredictionsAreEachImagesDetections() {
        DetectionBox box = new DetectionBox(1, 2, 0, 0, 4, 4, 0.5);
        assertEquals(List.of(List.of(), List.of(box)), with(List.of(List.of(), List.of(box))).detections());
        assertEquals(List.of(), with(List.of()).detections());
    }

    @Test
    void classLabelsAreNotDetections() {
        assertThrows(IllegalStateException.class, () -> with(List.of(3, 4)).detections());
        assertThrows(IllegalStateException.class, () -> with(List.of(List.of("box"))).detections());
    }
}
