package org.ibrasnn.cli;

import java.io.PrintWriter;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.core.task.detection.CocoStats;

/**
 * Prints a task's metrics: a classifier's primary metric; a detector's mAP@50 and mAP@50:95, then the twelve COCOeval
 * statistics as COCOeval lays them out.
 */
final class DetectionScores {

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
}
