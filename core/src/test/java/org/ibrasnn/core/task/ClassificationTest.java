package org.ibrasnn.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ibrasnn.core.model.Shape;
import org.junit.jupiter.api.Test;

/** Classification's head check, its decoding (first maximum on ties) and its top-1 evaluator. */
class ClassificationTest {

    private final Task task = Tasks.named("classify");
    private static final Shape IMAGE = new Shape(1, 28, 28);

    @Test
    void decodesTheFirstMaximum() {
        assertEquals(0, Classification.decode(new float[] {1, 1, 1}));
        assertEquals(1, Classification.decode(new float[] {0, 3, -1, 3}));
        assertEquals(2, Classification.decode(new float[] {-5, -4, -1}));
        assertEquals(0, Classification.decode(new float[] {Float.NaN, 2}), "a leading NaN is kept: no comparison with it is true");
    }

    @Test
    void evaluatorCountsTopOneHits() {
        Evaluator e = task.evaluator(List.of(), 4);
        e.add(0, new float[] {0, 1, 0});
        e.add(3, new float[] {2, 2, 0});
        e.add(1, new float[] {0, 0, 1});
        e.add(2, new float[] {5, 0, 0});
        int[] labels = {1, 2, 1, 0};
        Metrics m = e.score(i -> labels[i]);
        assertEquals(List.of(1, 2, 0, 0), e.predictions());
        assertEquals("accuracy", m.primary());
        assertEquals(0.75, m.value());
        assertEquals(Map.of("accuracy", 0.75), m.values());
    }

    @Test
    void emptyEvaluationScoresZero() {
        assertEquals(0, task.evaluator(List.of(), 0).score(i -> 0).value());
    }

    @Test
    void acceptsRealLogitsOfTheDeclaredWidth() {
        assertTrue(task.headProblem(List.of(new Head(Shape.flat(10), true, "REAL", 10, IMAGE))).isEmpty());
    }

    @Test
    void refusesSpikesAtTheEnd() {
        assertEquals("the network must end in real-valued logits (a linear layer), not SPIKES",
                task.headProblem(List.of(new Head(Shape.flat(10), false, "SPIKES", 10, IMAGE))).orElseThrow());
    }

    @Test
    void refusesAnotherWidthOrAMap() {
        assertEquals("network outputs " + Shape.flat(8) + " but 10 class logits were declared",
                task.headProblem(List.of(new Head(Shape.flat(8), true, "REAL", 10, IMAGE))).orElseThrow());
        Shape map = new Shape(10, 2, 2);
        assertEquals("network outputs " + map + " but 10 class logits were declared",
                task.headProblem(List.of(new Head(map, true, "REAL", 10, IMAGE))).orElseThrow());
    }

    @Test
    void namesItsMetric() {
        assertEquals("classify", task.name());
        assertEquals("accuracy", task.metricName());
    }
}
