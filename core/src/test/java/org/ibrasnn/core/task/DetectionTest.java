package org.ibrasnn.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.task.detection.CocoStats;
import org.ibrasnn.core.task.detection.DetectionBox;
import org.ibrasnn.core.task.detection.GroundTruthBox;
import org.ibrasnn.core.task.detection.HeadLayout;
import org.junit.jupiter.api.Test;

/** Detection's head check, its decoding of whole outputs and its COCO evaluator on hand-worked images. */
class DetectionTest {

    private static final Task TASK = Tasks.named("detect");
    private static final Shape IMAGE = new Shape(1, 64, 64);
    private static final int CLASSES = 2;
    private static final int C = HeadLayout.channels(CLASSES);

    private static List<Head> heads(Shape input, Shape... outputs) {
        return Arrays.stream(outputs).map(o -> new Head(o, true, "REAL", CLASSES, input)).toList();
    }

    private static final List<Head> HEADS = heads(IMAGE, new Shape(C, 8, 8), new Shape(C, 4, 4), new Shape(C, 2, 2));

    @Test
    void isRegisteredWithItsMetric() {
        assertSame(Detection.INSTANCE, TASK);
        assertEquals("mAP50_95", TASK.metricName());
    }

    @Test
    void acceptsThreeLevelsAtStrides8To32FloorOrCeil() {
        assertTrue(TASK.headProblem(HEADS).isEmpty());
        Shape odd = new Shape(1, 65, 65);
        assertTrue(TASK.headProblem(heads(odd, new Shape(C, 9, 9), new Shape(C, 4, 5), new Shape(C, 3, 2))).isEmpty());
    }

    @Test
    void namesWhatIsWrongWithTheHead() {
        assertEquals("detection needs 3 outputs (strides [8, 16, 32]), the network has 2",
                TASK.headProblem(HEADS.subList(0, 2)).orElseThrow());
        List<Head> spikes = new ArrayList<>(HEADS);
        spikes.set(1, new Head(new Shape(C, 4, 4), false, "SPIKES", CLASSES, IMAGE));
        assertEquals("detection output 2 (stride 16) must be real-valued (a conv), not SPIKES",
                TASK.headProblem(spikes).orElseThrow());
        assertEquals("detection output 1 (stride 8) has 65 channels but 4 x 16 box bins + 2 classes = 66 were declared",
                TASK.headProblem(heads(IMAGE, new Shape(65, 8, 8), new Shape(C, 4, 4), new Shape(C, 2, 2))).orElseThrow());
        assertEquals("detection output 3 (stride 32) is 4x4 but an input of 64x64 gives 2x2 at that stride",
                TASK.headProblem(heads(IMAGE, new Shape(C, 8, 8), new Shape(C, 4, 4), new Shape(C, 4, 4))).orElseThrow());
        assertEquals("detection output 1 (stride 8) is 10x8 but an input of 65x64 gives (8 or 9)x8 at that stride",
                TASK.headProblem(heads(new Shape(1, 65, 64), new Shape(C, 10, 8), new Shape(C, 5, 4),
                        new Shape(C, 3, 2))).orElseThrow());
    }

    /** Outputs of one image with nothing above the threshold. */
    private static float[] empty() {
        float[] out = new float[HEADS.stream().mapToInt(h -> h.output().size()).sum()];
        Arrays.fill(out, -1000);
        return out;
    }

    /**
     * Puts a box on cell (3, 3) of the stride-8 level (anchor (28, 28)): distances l, t = 2 and r, b = 3
     * strides, so x, y = 12 and w, h = 40; class {@code category} at logit 0 (score 0.5) or {@code logit}.
     */
    private static float[] withBox(float[] out, int category, float logit) {
        int area = 64;
        int cell = 3 * 8 + 3;
        int[] bins = {2, 2, 3, 3};
        for (int side = 0; side < 4; side++) {
            out[(side * HeadLayout.REG_MAX + bins[side]) * area + cell] = 0;
        }
        out[(4 * HeadLayout.REG_MAX + category) * area + cell] = logit;
        return out;
    }

    @Test
    void decodesWholeOutputs() {
        List<Shape> levels = HEADS.stream().map(Head::output).toList();
        Shape input = HEADS.get(0).input();
        assertEquals(List.of(new DetectionBox(7, 1, 12, 12, 40, 40, 0.5)),
                Detection.decode(levels, input, withBox(empty(), 1, 0), 7));
        assertEquals(List.of(), Detection.decode(levels, input, empty(), 7));
        assertEquals(List.of(new DetectionBox(7, 1, 12, 12, 20, 28, 0.5)), Detection.decode(levels,
                new Shape(input.channels(), 40, 32), withBox(empty(), 1, 0), 7), "boxes are clipped to the image");
    }

    @Test
    void perfectDetectionsScoreOne() {
        Evaluator e = TASK.evaluator(HEADS, 2);
        e.add(0, withBox(empty(), 0, 2));
        e.add(1, withBox(empty(), 1, 1));
        Metrics m = e.score(BoxTargets.of(List.of(List.of(GroundTruthBox.of(0, 0, 12, 12, 40, 40)),
                List.of(GroundTruthBox.of(1, 1, 12, 12, 40, 40)))));
        assertEquals(Detection.MAP, m.primary());
        assertEquals(1.0, m.value(), 1e-12);
        // 40 x 40 boxes are medium: the small and large statistics have nothing to score.
        List<Double> expected = List.of(1.0, 1.0, 1.0, -1.0, 1.0, -1.0, 1.0, 1.0, 1.0, -1.0, 1.0, -1.0);
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k), m.values().get(CocoStats.NAMES.get(k)), 1e-12, CocoStats.NAMES.get(k));
        }
        assertEquals(13, m.values().size());
    }

    @Test
    void oneOfTwoMissedHalvesRecall() {
        Evaluator e = TASK.evaluator(HEADS, 3);
        e.add(0, withBox(empty(), 0, 2));
        e.add(1, empty());
        // image 2 is never added: no detections, and no ground truth either.
        Metrics m = e.score(BoxTargets.of(List.of(List.of(GroundTruthBox.of(0, 0, 12, 12, 40, 40)),
                List.of(GroundTruthBox.of(1, 0, 12, 12, 40, 40)), List.of())));
        // precision 1 up to recall 0.5: 51 of COCO's 101 recall points.
        assertEquals(51 / 101.0, m.value(), 1e-15);
        assertEquals(0.5, m.values().get("AR100"));
        assertEquals(List.of(List.of(new DetectionBox(0, 0, 12, 12, 40, 40, 1 / (1 + Math.exp(-2)))), List.of(),
                List.of()), e.predictions());
    }

    @Test
    void aMisclassifiedBoxScoresZeroForTheClassItMissed() {
        Evaluator e = TASK.evaluator(HEADS, 2);
        e.add(0, withBox(empty(), 0, 0));
        e.add(1, withBox(empty(), 0, 0));
        Metrics m = e.score(BoxTargets.of(List.of(List.of(GroundTruthBox.of(0, 0, 12, 12, 40, 40)),
                List.of(GroundTruthBox.of(1, 1, 12, 12, 40, 40)))));
        assertEquals(0.5, m.values().get("AP50"), 1e-12);
    }
}
