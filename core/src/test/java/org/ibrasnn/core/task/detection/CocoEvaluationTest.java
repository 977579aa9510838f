package org.ibrasnn.core.task.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked COCOeval cases: the expected numbers follow from the rules, without pycocotools. */
class CocoEvaluationTest {

    private static final double EPS = 1e-12;

    private static DetectionBox det(double x, double y, double w, double h, double score) {
        return new DetectionBox(1, 7, x, y, w, h, score);
    }

    private static CocoStats evaluate(List<GroundTruthBox> truths, List<DetectionBox> detections) {
        return CocoEvaluation.evaluate(List.of(1L), List.of(7), truths, detections);
    }

    @Test
    void twoTruthsThreeDetectionsOneFalsePositiveBetween() {
        GroundTruthBox small = GroundTruthBox.of(1, 7, 0, 0, 10, 10);
        GroundTruthBox medium = GroundTruthBox.of(1, 7, 100, 100, 50, 50);
        CocoStats s = evaluate(List.of(small, medium),
                List.of(det(0, 0, 10, 10, 0.9), det(300, 300, 40, 40, 0.8), det(100, 100, 50, 50, 0.7)));
        // TP, FP, TP: recall 0.5, 0.5, 1; enveloped precision 1, 2/3, 2/3 -> 51 recall points at 1, 50 at 2/3.
        double ap = (51 + 50 * (2.0 / 3)) / 101;
        assertEquals(ap, s.ap(), EPS);
        assertEquals(ap, s.ap50(), EPS);
        assertEquals(ap, s.ap75(), EPS);
        // Small: the medium truth is ignored, so is the detection matched to it and the unmatched medium one.
        assertEquals(1, s.apSmall(), EPS);
        // Medium: the small truth and its detection are ignored; FP then TP -> precision 1/2 everywhere.
        assertEquals(0.5, s.apMedium(), EPS);
        assertEquals(-1, s.apLarge());
        assertEquals(0.5, s.ar1(), EPS);
        assertEquals(1, s.ar10(), EPS);
        assertEquals(1, s.ar100(), EPS);
        assertEquals(1, s.arSmall(), EPS);
        assertEquals(1, s.arMedium(), EPS);
        assertEquals(-1, s.arLarge());
    }

    @Test
    void detectionsInsideACrowdAreIgnoredHoweverMany() {
        GroundTruthBox crowd = new GroundTruthBox(1, 7, 0, 0, 100, 100, 10000, true);
        GroundTruthBox person = GroundTruthBox.of(1, 7, 200, 200, 20, 20);
        List<DetectionBox> dets = List.of(det(10, 10, 20, 20, 0.9), det(50, 50, 20, 20, 0.8),
                det(200, 200, 20, 20, 0.7));
        CocoStats s = evaluate(List.of(crowd, person), dets);
        assertEquals(1, s.ap(), EPS);
        assertEquals(1, s.ar10(), EPS);
        // One detection per image: the ignored one in the crowd, nothing recalled.
        assertEquals(0, s.ar1(), EPS);
        // The same big box not crowd: IoU 400 / 10000 matches nothing, so the two detections are false positives.
        CocoStats plain = evaluate(List.of(GroundTruthBox.of(1, 7, 0, 0, 100, 100), person), dets);
        assertEquals(51 / 3.0 / 101, plain.ap50(), EPS);
    }

    @Test
    void equalScoresKeepTheirInputOrder() {
        GroundTruthBox truth = GroundTruthBox.of(1, 7, 0, 0, 10, 10);
        DetectionBox miss = det(50, 50, 10, 10, 0.5);
        DetectionBox hit = det(0, 0, 10, 10, 0.5);
        assertEquals(0.5, evaluate(List.of(truth), List.of(miss, hit)).ap(), EPS);
        assertEquals(1, evaluate(List.of(truth), List.of(hit, miss)).ap(), EPS);
    }

    @Test
    void maxDetectionsKeepsTheBestScoredPerImage() {
        GroundTruthBox truth = GroundTruthBox.of(1, 7, 0, 0, 10, 10);
        CocoStats s = evaluate(List.of(truth), List.of(det(0, 0, 10, 10, 0.1), det(50, 50, 10, 10, 0.9)));
        assertEquals(0, s.ar1(), EPS);
        assertEquals(1, s.ar10(), EPS);
    }

    @Test
    void theStrictnessOfTheThresholdsShowsInAp75() {
        GroundTruthBox truth = GroundTruthBox.of(1, 7, 0, 0, 10, 10);
        // IoU 70 / 100 = 0.7: a match at 0.50..0.70, a miss at 0.75..0.95.
        CocoStats s = evaluate(List.of(truth), List.of(det(0, 0, 10, 7, 0.9)));
        assertEquals(1, s.ap50(), EPS);
        assertEquals(0, s.ap75(), EPS);
        assertEquals(0.5, s.ap(), EPS);
        assertEquals(0.5, s.ar100(), EPS);
    }

    @Test
    void withoutGroundTruthEveryStatisticIsMinusOne() {
        CocoStats s = evaluate(List.of(), List.of(det(0, 0, 10, 10, 0.9)));
        s.values().forEach(v -> assertEquals(-1, v));
    }

    @Test
    void categoriesWithoutGroundTruthAreLeftOutOfTheMean() {
        GroundTruthBox truth = GroundTruthBox.of(1, 7, 0, 0, 10, 10);
        CocoStats s = CocoEvaluation.evaluate(List.of(1L, 2L), List.of(7, 8), List.of(truth),
                List.of(det(0, 0, 10, 10, 0.9), new DetectionBox(2, 8, 0, 0, 5, 5, 0.9)));
        assertEquals(1, s.ap(), EPS);
    }

    @Test
    void thresholdsAreNumpysLinspace() {
        assertArrayEquals(new double[] {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.8999999999999999, 0.95},
                CocoEvaluation.IOU_THRESHOLDS);
        assertEquals(101, CocoEvaluation.RECALL_POINTS.length);
        assertEquals(0.5, CocoEvaluation.RECALL_POINTS[50]);
        assertEquals(1.0, CocoEvaluation.RECALL_POINTS[100]);
    }

    @Test
    void boxesOffTheListedImagesOrCategoriesAreRefused() {
        GroundTruthBox truth = GroundTruthBox.of(1, 7, 0, 0, 10, 10);
        assertThrows(IllegalArgumentException.class, () -> CocoEvaluation.evaluate(List.of(1L), List.of(7),
                List.of(truth), List.of(new DetectionBox(3, 7, 0, 0, 1, 1, 0.5))));
        assertThrows(IllegalArgumentException.class, () -> CocoEvaluation.evaluate(List.of(1L), List.of(8),
                List.of(truth), List.of()));
        assertThrows(IllegalArgumentException.class, () -> det(0, 0, -1, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> det(0, 0, 1, 1, Double.NaN));
    }
}
