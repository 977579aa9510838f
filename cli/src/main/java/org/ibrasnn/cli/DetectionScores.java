package org.ibrasnn.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.core.task.detection.ClassConfusion;
import org.ibrasnn.core.task.detection.CocoStats;
import org.ibrasnn.core.task.detection.DetectionBox;
import org.ibrasnn.experiments.detection.DetectionPicture;

/**
 * Prints a task's metrics: a classifier's primary metric; a detector's mAP@50 and mAP@50:95, then the twelve COCOeval
 * statistics as COCOeval lays them out, and how many objects its detections locate and name rightly.
 */
final class DetectionScores {

    /** Confusions listed by {@link #printConfusion}. */
    static final int CONFUSIONS = 5;

    private DetectionScores() {}

    /** Whether {@code score} holds the twelve COCOeval statistics (a detection task's metrics). */
    static boolean present(Metrics score) {
        return score.values().keySet().containsAll(CocoStats.NAMES);
    }

    /** {@code mAP@50 P%, mAP@50:95 Q%} for a detector, else the primary metric: {@code accuracy R%}. */
    static String headline(Metrics score) {
        return present(score) ? String.format("mAP@50 %.2f%%, mAP@50:95 %.2f%%", 100 * score.values().get("AP50"),
                100 * score.values().get("AP")) : String.format("%s %.2f%%", score.primary(), 100 * score.value());
    }

    /** One aligned line per statistic: its name, what it measures and its value (-1: nothing to score). */
    static void printStatistics(PrintWriter out, Metrics score) {
        out.println("COCOeval bbox statistics:");
        for (int k = 0; k < CocoStats.NAMES.size(); k++) {
            String name = CocoStats.NAMES.get(k);
            out.printf("  %-6s %s = %7.4f%n", name, CocoStats.DESCRIPTIONS.get(k), score.values().get(name));
        }
    }

    /**
     * For a detector's {@code predictions} on the first images of the test split: the share of objects located and,
     * of those, named rightly ({@link ClassConfusion}), and the commonest confusions.
     */
    static void printConfusion(PrintWriter out, List<?> predictions, Splits splits) {
        ClassConfusion c = ClassConfusion.of(DetectionBox.perImage(predictions), splits.test(), splits.test().classes());
        out.printf("at IoU >= %.2f by a detection of any class: %s%n", ClassConfusion.IOU, c.summary());
        List<ClassConfusion.Confusion> worst = c.mostConfused(CONFUSIONS);
        if (!worst.isEmpty()) {
            out.println("most confused (true -> predicted): " + worst.stream().map(w -> name(splits, w.truth())
                    + " -> " + name(splits, w.predicted()) + " " + w.count()).collect(Collectors.joining(", ")));
        }
    }

    private static String name(Splits splits, int k) {
        return DetectionPicture.className(splits.classNames(), k);
    }
}
