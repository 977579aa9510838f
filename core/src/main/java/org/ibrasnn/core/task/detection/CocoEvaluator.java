package org.ibrasnn.core.task.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.task.Detection;
import org.ibrasnn.core.task.Evaluator;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.core.task.Targets;

/**
 * Decodes each image's detector outputs ({@link Detection#decode}) and scores them with
 * {@link CocoEvaluation} against the targets' boxes: images are the item indices, categories the class
 * indices 0..classes-1. The metrics are {@link Detection#MAP} and the twelve {@link CocoStats#NAMES}.
 */
public final class CocoEvaluator implements Evaluator {

    private final List<Shape> levels;
    private final Shape input;
    private final int classes;
    private final List<DetectionBox>[] detections;

    /** An evaluator of {@code count} images of {@code input}'s size through a head of these level shapes. */
    @SuppressWarnings("unchecked")
    public CocoEvaluator(List<Shape> levels, Shape input, int classes, int count) {
        this.levels = List.copyOf(levels);
        this.input = input;
        this.classes = classes;
        this.detections = new List[count];
        Arrays.fill(detections, List.of());
    }

    @Override
    public void add(int index, float[] outputs) {
        detections[index] = Detection.decode(levels, input, outputs, index);
    }

    /** Each image's detections, best first. */
    @Override
    public List<List<DetectionBox>> predictions() {
        return List.of(detections);
    }

    @Override
    public Metrics score(Targets targets) {
        CocoStats stats = evaluate(List.of(detections), targets, classes).stats();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(Detection.MAP, stats.ap());
        for (int k = 0; k < CocoStats.NAMES.size(); k++) {
            values.put(CocoStats.NAMES.get(k), stats.values().get(k));
        }
        return new Metrics(Detection.MAP, values);
    }

    /**
     * The COCO evaluation of each item's {@code detections} against the targets' boxes, as {@link #score} scores
     * them: images are the item indices, categories the class indices 0..classes-1.
     */
    public static CocoResult evaluate(List<List<DetectionBox>> detections, Targets targets, int classes) {
        List<GroundTruthBox> truths = new ArrayList<>();
        List<DetectionBox> all = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            for (GroundTruthBox g : targets.boxes(i)) {
                if (g.imageId() != i) {
                    throw new IllegalArgumentException("a ground-truth box of item " + i + " names image " + g.imageId());
                }
                truths.add(g);
            }
            all.addAll(detections.get(i));
        }
        return CocoEvaluation.accumulate(IntStream.range(0, detections.size()).mapToObj(i -> (long) i).toList(),
                IntStream.range(0, classes).boxed().toList(), truths, all);
    }
}
