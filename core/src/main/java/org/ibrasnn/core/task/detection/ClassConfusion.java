package org.ibrasnn.core.task.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ibrasnn.core.task.Targets;

/**
 * Where a detector's misses come from: finding the objects, or naming them. Each non-crowd ground-truth box is
 * <em>located</em> when a detection of any class overlaps it by IoU at least {@value #IOU}; its predicted class is
 * then that of the highest-scoring such detection (the first of equal scores, detections best first). The counts
 * form a confusion matrix of C rows (the true class) and C + 1 columns (the predicted class), whose last column
 * holds the boxes no detection located.
 */
public final class ClassConfusion {

    /** The overlap at which a detection locates a ground-truth box, whatever its class. */
    public static final double IOU = 0.5;

    /** One cell off the diagonal: {@code count} boxes of class {@code truth} located as {@code predicted}. */
    public record Confusion(int truth, int predicted, int count) {}

    private final int classes;
    private final int[][] counts;

    private ClassConfusion(int classes, int[][] counts) {
        this.classes = classes;
        this.counts = counts;
    }

    /**
     * The confusion of each item's {@code detections} (best first, as decoded) against the targets' boxes of the
     * same items.
     */
    public static ClassConfusion of(List<List<DetectionBox>> detections, Targets targets, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("a confusion matrix needs at least 1 class, got " + classes);
        }
        int[][] counts = new int[classes][classes + 1];
        for (int i = 0; i < detections.size(); i++) {
            for (GroundTruthBox g : targets.boxes(i)) {
                if (!g.iscrowd()) {
                    counts[checked(g.categoryId(), classes)][predicted(detections.get(i), g, classes)]++;
                }
            }
        }
        return new ClassConfusion(classes, counts);
    }

    private static int predicted(List<DetectionBox> detections, GroundTruthBox g, int classes) {
        DetectionBox best = null;
        for (DetectionBox d : detections) {
            if ((best == null || d.score() > best.score()) && Boxes.iou(d, g) >= IOU) {
                best = d;
            }
        }
        return best == null ? classes : checked(best.categoryId(), classes);
    }

    private static int checked(int category, int classes) {
        if (category < 0 || category >= classes) {
            throw new IllegalArgumentException("class " + category + " is outside 0.." + (classes - 1));
        }
        return category;
    }

    /** The ground-truth boxes counted (crowd boxes left out). */
    public int truths() {
        int n = 0;
        for (int[] row : counts) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    /** The boxes some detection located. */
    public int located() {
        int n = truths();
        for (int[] row : counts) {
            n -= row[classes];
        }
        return n;
    }

    /** The located boxes whose predicted class is right. */
    public int named() {
        int n = 0;
        for (int k = 0; k < classes; k++) {
            n += counts[k][k];
        }
        return n;
    }

    /**
     * {@code "L of N objects located (P%), R of them named rightly (Q%)"}, "n/a" for a share of nothing, the
     * percentages to one decimal.
     */
    public String summary() {
        return String.format(Locale.ROOT, "%d of %d objects located (%s), %d of them named rightly (%s)", located(),
                truths(), share(located(), truths()), named(), share(named(), located()));
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** The {@code n} largest off-diagonal cells, largest first (ties by truth, then predicted class). */
    public List<Confusion> mostConfused(int n) {
        List<Confusion> all = new ArrayList<>();
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                if (p != t && counts[t][p] > 0) {
                    all.add(new Confusion(t, p, counts[t][p]));
                }
            }
        }
        all.sort(Comparator.comparingInt(Confusion::count).reversed());
        return all.subList(0, Math.min(n, all.size()));
    }

    /** The number of classes C. */
    public int classes() {
        return classes;
    }

    /** Boxes of class {@code truth} predicted as {@code predicted}; {@code predicted == classes()}: not located. */
    public int count(int truth, int predicted) {
        return counts[truth][predicted];
    }
}
