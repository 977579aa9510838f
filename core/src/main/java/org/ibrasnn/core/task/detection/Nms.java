package org.ibrasnn.core.task.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy non-maximum suppression per class: within a class, candidates in descending score (equal scores in
 * input order) are kept unless their IoU with a box already kept exceeds the threshold; the survivors of all
 * classes, again by descending score and input order, are cut to a maximum count.
 */
public final class Nms {

    private Nms() {}

    /** The kept candidates, best first. */
    public static List<Candidate> suppress(List<Candidate> candidates, double iouThreshold, int maxDetections) {
        Comparator<Candidate> byScore = Comparator.comparingDouble(Candidate::score).reversed();
        Map<Integer, List<Candidate>> kept = new HashMap<>();
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(byScore);
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : sorted) {
            if (out.size() == maxDetections) {
                break; // later candidates score no higher than the kept ones
            }
            List<Candidate> same = kept.computeIfAbsent(c.category(), k -> new ArrayList<>());
            if (same.stream().noneMatch(k -> k.iou(c) > iouThreshold)) {
                same.add(c);
                out.add(c);
            }
        }
        return out;
    }
}
