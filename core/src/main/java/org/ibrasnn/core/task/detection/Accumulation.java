package org.ibrasnn.core.task.detection;

import static org.ibrasnn.core.task.detection.CocoEvaluation.AREA_RANGES;
import static org.ibrasnn.core.task.detection.CocoEvaluation.IOU_THRESHOLDS;
import static org.ibrasnn.core.task.detection.CocoEvaluation.MAX_DETS;
import static org.ibrasnn.core.task.detection.CocoEvaluation.RECALL_POINTS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interpolated precision {@code [t][r][k][a][m]} and final recall {@code [t][k][a][m]} (IoU threshold, recall
 * point, category, area range, max detections), -1 where a category has no counted ground truth, and the
 * twelve means over them.
 */
record Accumulation(double[][][][][] precision, double[][][][] recall) {

    private static final int ALL = 0;
    private static final int SMALL = 1;
    private static final int MEDIUM = 2;
    private static final int LARGE = 3;
    private static final int LAST_MAX_DETS = MAX_DETS.length - 1;

    /** Accumulates {@code evaluations[k][a][i]} (null where image {@code i} has no box of category {@code k}). */
    static Accumulation of(ImageEvaluation[][][] evaluations) {
        int thresholds = IOU_THRESHOLDS.length;
        int categories = evaluations.length;
        double[][][][][] precision = new double[thresholds][RECALL_POINTS.length][categories][AREA_RANGES.length][MAX_DETS.length];
        double[][][][] recall = new double[thresholds][categories][AREA_RANGES.length][MAX_DETS.length];
        for (double[][][][] p : precision) {
            for (double[][][] q : p) {
                for (double[][] r : q) {
                    for (double[] s : r) {
                        Arrays.fill(s, -1);
                    }
                }
            }
        }
        for (double[][][] r : recall) {
            for (double[][] s : r) {
                for (double[] u : s) {
                    Arrays.fill(u, -1);
                }
            }
        }
        for (int k = 0; k < categories; k++) {
            for (int a = 0; a < AREA_RANGES.length; a++) {
                for (int m = 0; m < MAX_DETS.length; m++) {
                    accumulate(evaluations[k][a], MAX_DETS[m], precision, recall, k, a, m);
                }
            }
        }
        return new Accumulation(precision, recall);
    }

    private static void accumulate(ImageEvaluation[] images, int maxDets, double[][][][][] precision,
            double[][][][] recall, int k, int a, int m) {
        List<ImageEvaluation> present = Arrays.stream(images).filter(e -> e != null).toList();
        int counted = present.stream().mapToInt(ImageEvaluation::countedGroundTruths).sum();
        if (counted == 0) {
            return;
        }
        // Every image's best maxDets detections, in image order, then stably sorted by descending score.
        List<int[]> refs = new ArrayList<>();
        for (int e = 0; e < present.size(); e++) {
            for (int d = 0; d < Math.min(maxDets, present.get(e).scores().length); d++) {
                refs.add(new int[] {e, d});
            }
        }
        refs.sort((x, y) -> ImageEvaluation.byScoreDescending(present.get(x[0]).scores()[x[1]],
                present.get(y[0]).scores()[y[1]]));
        int n = refs.size();
        for (int t = 0; t < IOU_THRESHOLDS.length; t++) {
            double[] rc = new double[n];
            double[] pr = new double[n];
            double tp = 0;
            double fp = 0;
            for (int i = 0; i < n; i++) {
                ImageEvaluation e = present.get(refs.get(i)[0]);
                int d = refs.get(i)[1];
                if (!e.ignored()[t][d]) {
                    tp += e.matched()[t][d] ? 1 : 0;
                    fp += e.matched()[t][d] ? 0 : 1;
                }
                rc[i] = tp / counted;
                pr[i] = tp / (fp + tp + Math.ulp(1.0));
            }
            recall[t][k][a][m] = n > 0 ? rc[n - 1] : 0;
            for (int i = n - 1; i > 0; i--) {
                pr[i - 1] = Math.max(pr[i - 1], pr[i]);
            }
            for (int r = 0; r < RECALL_POINTS.length; r++) {
                int i = firstAtLeast(rc, RECALL_POINTS[r]);
                precision[t][r][k][a][m] = i < n ? pr[i] : 0;
            }
        }
    }

    /** The first index whose value is {@code >= x} in the non-decreasing {@code values}, or its length. */
    private static int firstAtLeast(double[] values, double x) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** COCOeval's twelve summary statistics. */
    CocoStats summarize() {
        int last = LAST_MAX_DETS;
        return new CocoStats(ap(-1, -1, ALL, last), ap(0, -1, ALL, last), ap(5, -1, ALL, last),
                ap(-1, -1, SMALL, last), ap(-1, -1, MEDIUM, last), ap(-1, -1, LARGE, last), ar(ALL, 0), ar(ALL, 1),
                ar(ALL, last), ar(SMALL, last), ar(MEDIUM, last), ar(LARGE, last));
    }

    /**
     * Category index {@code k}'s AP, area all, the most detections: at IoU threshold index {@code t}, or averaged
     * over all thresholds when {@code t < 0}; -1 without counted ground truth.
     */
    double categoryAp(int t, int k) {
        return ap(t, k, ALL, LAST_MAX_DETS);
    }

    /**
     * Category index {@code k}'s precision at each recall point, IoU threshold index {@code t}, area all, most
     * detections.
     */
    List<Double> precisionCurve(int t, int k) {
        List<Double> curve = new ArrayList<>(RECALL_POINTS.length);
        for (double[][][] atRecall : precision[t]) {
            curve.add(atRecall[k][ALL][LAST_MAX_DETS]);
        }
        return curve;
    }

    /**
     * Mean precision at one IoU threshold index (all of them when {@code t < 0}) of one category index (all of them
     * when {@code k < 0}).
     */
    private double ap(int t, int k, int a, int m) {
        List<Double> values = new ArrayList<>();
        for (int ti = 0; ti < IOU_THRESHOLDS.length; ti++) {
            if (t >= 0 && ti != t) {
                continue;
            }
            for (double[][][] byCategory : precision[ti]) {
                for (int ki = 0; ki < byCategory.length; ki++) {
                    if (k < 0 || ki == k) {
                        values.add(byCategory[ki][a][m]);
                    }
                }
            }
        }
        return NumpyMean.ofValid(values);
    }

    private double ar(int a, int m) {
        List<Double> values = new ArrayList<>();
        for (double[][][] byCategory : recall) {
            for (double[][] r : byCategory) {
                values.add(r[a][m]);
            }
        }
        return NumpyMean.ofValid(values);
    }
}
