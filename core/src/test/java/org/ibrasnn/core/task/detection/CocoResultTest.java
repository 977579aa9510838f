package org.ibrasnn.core.task.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-category precision curves and APs of a hand-worked case, and how they add up to the statistics. */
class CocoResultTest {

    private static final double EPS = 1e-12;

    /**
     * Category 7: truths A, B on image 1 and C on image 2; detections by score: A exactly (0.9), nothing on image 2
     * (0.8), C exactly (0.7), half of B (0.6, IoU exactly 0.5). Category 8: one detection, no truth. Category 9: one
     * truth, no detection.
     */
    private static final List<GroundTruthBox> TRUTHS = List.of(GroundTruthBox.of(1, 7, 0, 0, 10, 10),
            GroundTruthBox.of(1, 7, 20, 20, 10, 10), GroundTruthBox.of(2, 7, 0, 0, 10, 10),
            GroundTruthBox.of(2, 9, 40, 40, 10, 10));
    private static final List<DetectionBox> DETECTIONS = List.of(new DetectionBox(1, 7, 0, 0, 10, 10, 0.9),
            new DetectionBox(2, 7, 50, 50, 10, 10, 0.8), new DetectionBox(2, 7, 0, 0, 10, 10, 0.7),
            new DetectionBox(1, 7, 20, 20, 10, 5, 0.6), new DetectionBox(1, 8, 0, 0, 5, 5, 0.5));

    private static CocoResult handWorked() {
        return CocoEvaluation.accumulate(List.of(1L, 2L), List.of(9, 7, 8), TRUTHS, DETECTIONS);
    }

    @Test
    void precisionAtIou50IsTheEnvelopeSampledAtEachRecallPoint() {
        // TP FP TP TP of 3: recall 1/3, 1/3, 2/3, 1; precision 1, 1/2, 2/3, 3/4, enveloped 1, 3/4, 3/4, 3/4.
        List<Double> curve = handWorked().precision(7, 0);
        assertEquals(101, curve.size());
        for (int r = 0; r <= 100; r++) {
            assertEquals(r <= 33 ? 1 : 0.75, curve.get(r), EPS, "recall " + r / 100.0);
        }
        assertEquals((34 + 67 * 0.75) / 101, handWorked().averagePrecision(7, 0), EPS);
    }

    @Test
    void aStricterThresholdTurnsTheHalfBoxIntoAFalsePositive() {
        // At IoU 0.55: TP FP TP FP: recall 1/3, 1/3, 2/3, 2/3; precision enveloped 1, 2/3, 2/3, 1/2; 0 past 2/3.
        List<Double> curve = handWorked().precision(7, 1);
        for (int r = 0; r <= 100; r++) {
            assertEquals(r <= 33 ? 1 : r <= 66 ? 2.0 / 3 : 0, curve.get(r), EPS, "recall " + r / 100.0);
        }
        assertEquals((34 + 33 * (2.0 / 3)) / 101, handWorked().averagePrecision(7, 1), EPS);
    }

    @Test
    void categoriesWithoutTruthAreMinusOneAndWithoutDetectionsZero() {
        CocoResult result = handWorked();
        assertEquals(List.of(7, 8, 9), result.categoryIds());
        result.precision(8, 0).forEach(p -> assertEquals(-1, p));
        assertEquals(-1, result.averagePrecision(8, -1));
        result.precision(9, 0).forEach(p -> assertEquals(0, p));
        assertEquals(0, result.averagePrecision(9, 0));
    }

    @Test
    void theStatisticsAreTheMeansOverCategoriesWithTruth() {
        CocoResult result = handWorked();
        assertEquals((result.averagePrecision(7, 0) + result.averagePrecision(9, 0)) / 2, result.stats().ap50(), EPS);
        assertEquals((result.averagePrecision(7, -1) + result.averagePrecision(9, -1)) / 2, result.stats().ap(), EPS);
        double mean7 = 0;
        for (int t = 0; t < 10; t++) {
            mean7 += result.averagePrecision(7, t) / 10;
        }
        assertEquals(mean7, result.averagePrecision(7, -1), EPS);
        assertEquals(result.stats(), CocoEvaluation.evaluate(List.of(1L, 2L), List.of(7, 8, 9), TRUTHS, DETECTIONS));
    }

    @Test
    void unknownCategoriesAndThresholdsAreRefused() {
        CocoResult result = handWorked();
        assertThrows(IllegalArgumentException.class, () -> result.precision(6, 0));
        assertThrows(IllegalArgumentException.class, () -> result.precision(7, 10));
        assertThrows(IllegalArgumentException.class, () -> result.averagePrecision(7, -2));
        assertEquals(List.of(0.0, 0.01), CocoResult.recallPoints().subList(0, 2));
        assertEquals(0.5, CocoResult.iouThresholds().getFirst());
    }
}
