package org.ibrasnn.experiments.report;

import static org.ibrasnn.experiments.report.HtmlReport.esc;
import static org.ibrasnn.experiments.report.HtmlReport.f;
import static org.ibrasnn.experiments.report.HtmlReport.image;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.task.Detection;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.core.task.detection.ClassConfusion;
import org.ibrasnn.core.task.detection.CocoEvaluator;
import org.ibrasnn.core.task.detection.CocoResult;
import org.ibrasnn.core.task.detection.CocoStats;
import org.ibrasnn.core.task.detection.DetectionBox;
import org.ibrasnn.core.task.detection.GroundTruthBox;
import org.ibrasnn.experiments.detection.DetectionGrid;
import org.ibrasnn.experiments.detection.DetectionPicture;
import org.ibrasnn.runtime.RunReport;

/**
 * The detection part of a run's report, from the spike-driven run's detections on the first test images: a grid of
 * pictures with ground truth and detections, the class colours with each class's AP, the confusion of the located
 * objects, precision-recall curves per class at IoU 0.50, and COCOeval's twelve statistics.
 */
final class DetectionSection {

    /** Pictures in the grid: the first test images of the run. */
    static final int PICTURES = 16;
    /** Pictures per row of the grid. */
    static final int COLUMNS = 4;
    /** Detections drawn score at least this. */
    static final double MIN_SCORE = 0.25;
    /** Each picture's magnification. */
    static final int SCALE = 3;

    private static final int IOU_50 = 0;
    private static final List<String> STAT_MEANINGS = List.of("AP at IoU 0.50:0.95", "AP at IoU 0.50",
            "AP at IoU 0.75", "AP, small objects (area up to 32²)", "AP, medium objects (32² to 96²)",
            "AP, large objects (area above 96²)", "AR, 1 detection per image", "AR, 10 detections per image",
            "AR, 100 detections per image", "AR, small objects", "AR, medium objects", "AR, large objects");

    private DetectionSection() {}

    static void render(StringBuilder h, RunReport report, Splits splits) {
        h.append("<h2>Detections</h2>\n");
        List<List<DetectionBox>> detections = report.detections();
        if (detections.isEmpty()) {
            h.append("<p>This run keeps no per-image detections (it was read from an inference record): no pictures, "
                    + "no precision-recall curves.</p>\n");
        } else {
            ImageDataset test = splits.test();
            h.append("<p>The spike-driven runtime's detections on the first ").append(detections.size())
                    .append(" test images, decoded with validation's rules (score above ")
                    .append(Detection.CONFIDENCE).append(", per-class NMS at IoU ").append(Detection.NMS_IOU)
                    .append(", at most ").append(Detection.MAX_DETECTIONS)
                    .append(" per image) and scored with COCOeval's rules.</p>\n");
            pictures(h, test, detections, splits.classNames());
            CocoResult coco = CocoEvaluator.evaluate(detections, test, test.classes());
            classes(h, coco, test, detections, splits.classNames());
            confusion(h, ClassConfusion.of(detections, test, test.classes()), splits.classNames());
            curves(h, coco, splits.classNames());
        }
        stats(h, report.score());
    }

    private static void pictures(StringBuilder h, ImageDataset test, List<List<DetectionBox>> detections,
                                 List<String> classNames) {
        List<List<DetectionBox>> shown = detections.subList(0, Math.min(PICTURES, detections.size()));
        h.append("<p>The first ").append(shown.size()).append(" test images (").append(SCALE)
                .append("x): dashed white boxes are the ground truth, solid boxes the detections scoring at least ")
                .append(MIN_SCORE).append(" in their class's colour, labelled with class and score.</p>\n");
        image(h, "test images with ground truth and detections", Charts.png(DetectionGrid.draw(test, shown,
                classNames, MIN_SCORE, SCALE, COLUMNS)));
    }

    /** The class colours (the legend of the pictures and curves) with each class's boxes and AP. */
    private static void classes(StringBuilder h, CocoResult coco, ImageDataset test,
                                List<List<DetectionBox>> detections, List<String> classNames) {
        int[] truths = new int[test.classes()];
        int[] shown = new int[test.classes()];
        for (int i = 0; i < detections.size(); i++) {
            test.boxes(i).stream().mapToInt(GroundTruthBox::categoryId).forEach(k -> truths[k]++);
            detections.get(i).stream().filter(d -> d.score() >= MIN_SCORE).mapToInt(DetectionBox::categoryId)
                    .forEach(k -> shown[k]++);
        }
        h.append("<h3>Classes</h3>\n<table><tr><th>class</th><th>ground truths</th><th>detections &ge; ")
                .append(MIN_SCORE).append("</th><th>AP50</th><th>AP50:95</th></tr>");
        for (int k : coco.categoryIds()) {
            Color c = DetectionPicture.colour(k);
            h.append("<tr><td><span style=\"display:inline-block;width:1em;height:1em;vertical-align:middle;"
                    + "margin-right:6px;background:").append(f("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()))
                    .append("\"></span>").append(esc(DetectionPicture.className(classNames, k))).append("</td><td>")
                    .append(truths[k]).append("</td><td>").append(shown[k]).append("</td><td>")
                    .append(ap(coco.averagePrecision(k, IOU_50))).append("</td><td>")
                    .append(ap(coco.averagePrecision(k, -1))).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    /**
     * The confusion matrix of the located objects, one row per true class, cells shaded by their share of the
     * row: what the detections call each object, or that none located it.
     */
    private static void confusion(StringBuilder h, ClassConfusion c, List<String> classNames) {
        h.append("<h3>Located and named</h3>\n<p>An object is located when a detection of any class overlaps it by IoU ")
                .append(f("%.2f", ClassConfusion.IOU)).append(" or more; the best-scoring such detection names it. ")
                .append(esc(c.summary())).append('.')
                .append("</p>\n<table><tr><th>true \\ named</th>");
        for (int p = 0; p <= c.classes(); p++) {
            h.append("<th>").append(p < c.classes() ? esc(DetectionPicture.className(classNames, p)) : "not located")
                    .append("</th>");
        }
        h.append("</tr>");
        for (int t = 0; t < c.classes(); t++) {
            int row = 0;
            for (int p = 0; p <= c.classes(); p++) {
                row += c.count(t, p);
            }
            h.append("<tr><th>").append(esc(DetectionPicture.className(classNames, t))).append("</th>");
            for (int p = 0; p <= c.classes(); p++) {
                double share = row == 0 ? 0 : (double) c.count(t, p) / row;
                int shade = (int) Math.round(255 * (1 - 0.6 * share));
                h.append("<td style=\"background:").append(f(p == t ? "#%02xff%02x" : "#ff%02x%02x", shade, shade))
                        .append("\">").append(c.count(t, p)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>\n");
    }

    private static void curves(StringBuilder h, CocoResult coco, List<String> classNames) {
        Map<String, List<Double>> precision = new LinkedHashMap<>();
        List<Color> colours = new ArrayList<>();
        for (int k : coco.categoryIds()) {
            double ap50 = coco.averagePrecision(k, IOU_50);
            if (ap50 >= 0) {
                precision.put(DetectionPicture.className(classNames, k) + f(" (AP50 %.3f)", ap50),
                        coco.precision(k, IOU_50));
                colours.add(DetectionPicture.colour(k));
            }
        }
        h.append("<h3>Precision and recall</h3>\n");
        if (precision.isEmpty()) {
            h.append("<p>No ground truth among these images: no precision-recall curves.</p>\n");
            return;
        }
        h.append("<p>COCOeval's interpolated precision at its 101 recall points, IoU 0.50, all areas, at most 100 "
                + "detections per image; a class's AP50 is the mean of its curve.</p>\n");
        image(h, "precision-recall curves per class", Charts.precisionRecall(
                "Precision-recall per class (IoU 0.50)", CocoResult.recallPoints(), precision, colours));
    }

    private static void stats(StringBuilder h, Metrics score) {
        h.append("<h3>COCO statistics</h3>\n<table><tr><th>statistic</th><th>meaning</th><th>value</th></tr>");
        for (int s = 0; s < CocoStats.NAMES.size(); s++) {
            String name = CocoStats.NAMES.get(s);
            Double value = score.values().get(name);
            h.append("<tr><td>").append(name).append("</td><td style=\"text-align:left\">")
                    .append(esc(STAT_MEANINGS.get(s))).append("</td><td>").append(value == null ? "missing" : ap(value)).append("</td></tr>");
        }
        h.append("</table>\n<p>-1: no ground truth of that kind among these images (COCOeval's convention).</p>\n");
    }

    private static String ap(double value) {
        return value < 0 ? "-1" : f("%.4f", value);
    }
}
