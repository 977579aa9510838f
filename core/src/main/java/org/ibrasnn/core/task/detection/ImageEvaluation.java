package org.ibrasnn.core.task.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * The detections of one image and category, best first, matched to its ground truth at every IoU threshold
 * for one area range: per threshold and detection whether it matched and whether it is ignored (matched to an
 * ignored ground truth, or unmatched and outside the area range), and how many ground truths count.
 */
record ImageEvaluation(double[] scores, boolean[][] matched, boolean[][] ignored, int countedGroundTruths) {

    /** Highest score first; with a stable sort equal scores keep their input order (-0.0 equals 0.0). */
    static int byScoreDescending(double a, double b) {
        return a > b ? -1 : a < b ? 1 : 0;
    }

    /**
     * The best {@code maxDets} detections of one image and category, with their IoU against each ground truth
     * ({@code iou[d][g]}, empty when either side is empty).
     */
    record Cell(List<GroundTruthBox> truths, List<DetectionBox> detections, double[][] iou) {

        static Cell of(List<GroundTruthBox> truths, List<DetectionBox> all, int maxDets) {
            List<DetectionBox> detections = new ArrayList<>(all);
            detections.sort((a, b) -> byScoreDescending(a.score(), b.score()));
            detections = List.copyOf(detections.subList(0, Math.min(maxDets, detections.size())));
            double[][] iou = new double[truths.isEmpty() ? 0 : detections.size()][truths.size()];
            for (int d = 0; d < iou.length; d++) {
                for (int g = 0; g < truths.size(); g++) {
                    iou[d][g] = Boxes.iou(detections.get(d), truths.get(g));
                }
            }
            return new Cell(List.copyOf(truths), detections, iou);
        }
    }

    /**
     * Greedy matching, per threshold, of each detection in score order to the unmatched (or crowd) ground truth
     * it overlaps most at or above the threshold, trying ground truths that count before ignored ones (crowd
     * or outside {@code [minArea, maxArea]}) and moving to the ignored ones only when no counted one matched.
     */
    static ImageEvaluation of(Cell cell, double[] iouThresholds, double minArea, double maxArea) {
        int gts = cell.truths().size();
        boolean[] ignoredTruth = new boolean[gts];
        for (int g = 0; g < gts; g++) {
            GroundTruthBox truth = cell.truths().get(g);
            ignoredTruth[g] = truth.iscrowd() || truth.area() < minArea || truth.area() > maxArea;
        }
        int[] order = new int[gts];
        boolean[] gtIgnored = new boolean[gts];
        int counted = 0;
        for (int g = 0; g < gts; g++) {
            if (!ignoredTruth[g]) {
                order[counted++] = g;
            }
        }
        for (int g = 0, j = counted; g < gts; g++) {
            if (ignoredTruth[g]) {
                gtIgnored[j] = true;
                order[j++] = g;
            }
        }
        int dets = cell.detections().size();
        boolean[][] matched = new boolean[iouThresholds.length][dets];
        boolean[][] ignored = new boolean[iouThresholds.length][dets];
        for (int t = 0; t < iouThresholds.length && cell.iou().length > 0; t++) {
            boolean[] gtMatched = new boolean[gts];
            for (int d = 0; d < dets; d++) {
                double best = iouThresholds[t];
                int m = -1;
                for (int j = 0; j < gts; j++) {
                    if (gtMatched[j] && !cell.truths().get(order[j]).iscrowd()) {
                        continue;
                    }
                    if (m > -1 && !gtIgnored[m] && gtIgnored[j]) {
                        break;
                    }
                    double iou = cell.iou()[d][order[j]];
                    if (iou >= best) {
                        best = iou;
                        m = j;
                    }
                }
                if (m > -1) {
                    matched[t][d] = true;
                    ignored[t][d] = gtIgnored[m];
                    gtMatched[m] = true;
                }
            }
        }
        double[] scores = new double[dets];
        for (int d = 0; d < dets; d++) {
            DetectionBox det = cell.detections().get(d);
            scores[d] = det.score();
            boolean outside = det.area() < minArea || det.area() > maxArea;
            for (int t = 0; t < iouThresholds.length; t++) {
                ignored[t][d] |= !matched[t][d] && outside;
            }
        }
        return new ImageEvaluation(scores, matched, ignored, counted);
    }
}
