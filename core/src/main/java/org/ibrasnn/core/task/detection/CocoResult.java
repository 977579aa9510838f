package org.ibrasnn.core.task.detection;

import java.util.Arrays;
import java.util.List;

/**
 * A finished COCO evaluation: the twelve statistics and, per category, what they are made of: the interpolated
 * precision at the 101 {@link #recallPoints()} and the AP, for all areas and at most 100 detections per image
 * (the cells AP and AP50 average), at one of the ten {@link #iouThresholds()}.
 */
public final class CocoResult {

    private final Accumulation accumulation;
    private final int[] categories;

    CocoResult(Accumulation accumulation, int[] sortedCategories) {
        this.accumulation = accumulation;
        this.categories = sortedCategories.clone();
    }

    /** The twelve COCOeval statistics. */
    public CocoStats stats() {
        return accumulation.summarize();
    }

    /** The evaluated categories, in ascending order. */
    public List<Integer> categoryIds() {
        return Arrays.stream(categories).boxed().toList();
    }

    /** IoU thresholds 0.50:0.05:0.95 as numpy's linspace makes them; index 0 is 0.50. */
    public static List<Double> iouThresholds() {
        return Arrays.stream(CocoEvaluation.IOU_THRESHOLDS).boxed().toList();
    }

    /** The 101 recall points 0.00:0.01:1.00 the precision is sampled at. */
    public static List<Double> recallPoints() {
        return Arrays.stream(CocoEvaluation.RECALL_POINTS).boxed().toList();
    }

    /**
     * The category's precision at each of the {@link #recallPoints()} at IoU threshold index {@code iou}: the monotone
     * envelope, 0 past the highest recall reached, all -1 when the category has no counted ground truth.
     */
    public List<Double> precision(int categoryId, int iou) {
        return accumulation.precisionCurve(threshold(iou), index(categoryId));
    }

    /**
     * The category's AP (the mean of its {@link #precision}) at IoU threshold index {@code iou}, or averaged over all
     * ten thresholds when {@code iou} is -1; -1 when the category has no counted ground truth.
     */
    public double averagePrecision(int categoryId, int iou) {
        return accumulation.categoryAp(iou == -1 ? -1 : threshold(iou), index(categoryId));
    }

    private static int threshold(int iou) {
        if (iou < 0 || iou >= CocoEvaluation.IOU_THRESHOLDS.length) {
            throw new IllegalArgumentException("IoU threshold index must be in [0, "
                    + (CocoEvaluation.IOU_THRESHOLDS.length - 1) + "], got " + iou);
        }
        return iou;
    }

    private int index(int categoryId) {
        int k = Arrays.binarySearch(categories, categoryId);
        if (k < 0) {
            throw new IllegalArgumentException("category " + categoryId + " was not evaluated (categories "
                    + categoryIds() + ")");
        }
        return k;
    }
}
