package org.ibrasnn.core.task.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ibrasnn.core.task.BoxTargets;
import org.junit.jupiter.api.Test;

class ClassConfusionTest {

    /** Three classes; every case worked out by hand. */
    @Test
    void countsEachBoxUnderTheBestScoringDetectionThatLocatesIt() {
        List<List<GroundTruthBox>> truths = List.of(
                List.of(GroundTruthBox.of(0, 0, 0, 0, 10, 10), GroundTruthBox.of(0, 2, 30, 30, 10, 10)),
                List.of(GroundTruthBox.of(1, 1, 0, 0, 8, 8), new GroundTruthBox(1, 0, 20, 20, 10, 10, 100, true)),
                List.of(GroundTruthBox.of(2, 0, 5, 5, 10, 10)));
        List<List<DetectionBox>> detections = List.of(
                List.of(new DetectionBox(0, 0, 30, 30, 10, 4, 0.95), // IoU 0.4 with the class-2 box: too little
                        new DetectionBox(0, 1, 0, 0, 10, 10, 0.9), // locates the class-0 box, wrongly named
                        new DetectionBox(0, 0, 0, 0, 10, 10, 0.8),
                        new DetectionBox(0, 2, 30, 30, 10, 8, 0.5)), // IoU 0.8: names the class-2 box rightly
                List.of(new DetectionBox(1, 0, 20, 20, 10, 10, 0.9)), // only on the crowd box, which is left out
                List.of(new DetectionBox(2, 2, 5, 5, 10, 10, 0.7), // equal scores: the first one counts
                        new DetectionBox(2, 0, 5, 5, 10, 10, 0.7)));
        ClassConfusion c = ClassConfusion.of(detections, BoxTargets.of(truths), 3);
        assertEquals(4, c.truths());
        assertEquals(3, c.located());
        assertEquals(1, c.named());
        assertEquals("3 of 4 objects located (75.0%), 1 of them named rightly (33.3%)", c.summary());
        int[][] expected = {{0, 1, 1, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}};
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p <= 3; p++) {
                assertEquals(expected[t][p], c.count(t, p), "truth " + t + ", predicted " + p);
            }
        }
        assertEquals(List.of(new ClassConfusion.Confusion(0, 1, 1), new ClassConfusion.Confusion(0, 2, 1)),
                c.mostConfused(5));
        assertEquals(List.of(new ClassConfusion.Confusion(0, 1, 1)), c.mostConfused(1));
    }

    @Test
    void largestConfusionComesFirst() {
        List<List<GroundTruthBox>> truths = List.of(List.of(GroundTruthBox.of(0, 0, 0, 0, 10, 10),
                GroundTruthBox.of(0, 1, 20, 0, 10, 10), GroundTruthBox.of(0, 1, 40, 0, 10, 10)));
        List<List<DetectionBox>> detections = List.of(List.of(new DetectionBox(0, 1, 0, 0, 10, 10, 0.9),
                new DetectionBox(0, 0, 20, 0, 10, 10, 0.9), new DetectionBox(0, 0, 40, 0, 10, 10, 0.9)));
        ClassConfusion c = ClassConfusion.of(detections, BoxTargets.of(truths), 2);
        assertEquals(List.of(new ClassConfusion.Confusion(1, 0, 2), new ClassConfusion.Confusion(0, 1, 1)),
                c.mostConfused(2));
        assertEquals(0, c.named());
    }

    @Test
    void refusesClassesOutsideTheRange() {
        List<List<GroundTruthBox>> truths = List.of(List.of(GroundTruthBox.of(0, 0, 0, 0, 10, 10)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassConfusion.of(
                List.of(List.of(new DetectionBox(0, 5, 0, 0, 10, 10, 0.9))), BoxTargets.of(truths), 2));
        assertTrue(e.getMessage().contains("class 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassConfusion.of(List.of(), BoxTargets.of(List.of()), 0));
        assertEquals("0 of 0 objects located (n/a), 0 of them named rightly (n/a)",
                ClassConfusion.of(List.of(), BoxTargets.of(List.of()), 2).summary());
    }
}
