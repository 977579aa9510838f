package org.ibrasnn.core.task.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * COCO bbox evaluation with pycocotools' COCOeval rules and float64 arithmetic: IoU thresholds 0.50:0.05:0.95,
 * 101 recall points, at most 1/10/100 detections per image and category, area ranges all/small/medium/large
 * on the ground truth's {@code area} (a detection's is {@code w * h}), crowd ground truths ignored. Precision
 * is the monotone envelope sampled at each recall point (0 past the highest recall reached); each statistic is
 * the mean over categories (and thresholds, recall points) that have counted ground truth, or -1 if none.
 */
public final class CocoEvaluation {

    static final double[] IOU_THRESHOLDS = linspace(0.5, 0.95, (int) Math.rint((0.95 - 0.5) / 0.05) + 1);
    static final double[] RECALL_POINTS = linspace(0.0, 1.0, (int) Math.rint((1.0 - 0.0) / 0.01) + 1);
    static final int[] MAX_DETS = {1, 10, 100};
    /** all, small, medium, large: {@code [min, max]} areas, both ends included. */
    static final double[][] AREA_RANGES = {{0, 1e10}, {0, 32 * 32}, {32 * 32, 96 * 96}, {96 * 96, 1e10}};

    private CocoEvaluation() {}

    /**
     * Scores {@code detections} against {@code truths} on the given images and categories (what a COCO file's
     * {@code images} and {@code categories} list: an image without ground truth still counts its detections,
     * a category without ground truth is left out of the means).
     *
     * @throws IllegalArgumentException if a box names an image or category not listed
     */
    public static CocoStats evaluate(Collection<Long> imageIds, Collection<Integer> categoryIds,
            List<GroundTruthBox> truths, List<DetectionBox> detections) {
        return accumulate(imageIds, categoryIds, truths, detections).stats();
    }

    /**
     * As {@link #evaluate}, keeping what the statistics are made of: each category's precision curves and AP.
     *
     * @throws IllegalArgumentException if a box names an image or category not listed
     */
    public static CocoResult accumulate(Collection<Long> imageIds, Collection<Integer> categoryIds,
            List<GroundTruthBox> truths, List<DetectionBox> detections) {
        long[] images = imageIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        int[] categories = categoryIds.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        int cellCount = images.length * categories.length;
        List<List<GroundTruthBox>> cellTruths = emptyLists(cellCount);
        List<List<DetectionBox>> cellDetections = emptyLists(cellCount);
        Map<Long, Integer> imageIndex = index(Arrays.stream(images).boxed().toList());
        Map<Integer, Integer> categoryIndex = index(Arrays.stream(categories).boxed().toList());
        for (GroundTruthBox g : truths) {
            cellTruths.get(cell(imageIndex, categoryIndex, g.imageId(), g.categoryId(), categories.length)).add(g);
        }
        for (DetectionBox d : detections) {
            cellDetections.get(cell(imageIndex, categoryIndex, d.imageId(), d.categoryId(), categories.length)).add(d);
        }
        int maxDets = MAX_DETS[MAX_DETS.length - 1];
        // evaluations[k][a][i]: category k, area range a, image i; null where the image has neither side.
        ImageEvaluation[][][] evaluations = new ImageEvaluation[categories.length][AREA_RANGES.length][images.length];
        for (int i = 0; i < images.length; i++) {
            for (int k = 0; k < categories.length; k++) {
                int c = i * categories.length + k;
                if (cellTruths.get(c).isEmpty() && cellDetections.get(c).isEmpty()) {
                    continue;
                }
                ImageEvaluation.Cell cell = ImageEvaluation.Cell.of(cellTruths.get(c), cellDetections.get(c), maxDets);
                for (int a = 0; a < AREA_RANGES.length; a++) {
                    evaluations[k][a][i] = ImageEvaluation.of(cell, IOU_THRESHOLDS, AREA_RANGES[a][0], AREA_RANGES[a][1]);
                }
            }
        }
        return new CocoResult(Accumulation.of(evaluations), categories);
    }

    /** {@code num} points from {@code start} to {@code stop} inclusive, computed as numpy's linspace does. */
    static double[] linspace(double start, double stop, int num) {
        double step = (stop - start) / (num - 1);
        double[] values = new double[num];
        for (int i = 0; i < num; i++) {
            values[i] = i * step + start;
        }
        values[num - 1] = stop;
        return values;
    }

    private static int cell(Map<Long, Integer> imageIndex, Map<Integer, Integer> categoryIndex, long imageId,
            int categoryId, int categories) {
        Integer i = imageIndex.get(imageId);
        if (i == null) {
            throw new IllegalArgumentException("box on image " + imageId + ", which is not among the images");
        }
        Integer k = categoryIndex.get(categoryId);
        if (k == null) {
            throw new IllegalArgumentException("box of category " + categoryId + ", which is not among the categories");
        }
        return i * categories + k;
    }

    private static <T> Map<T, Integer> index(List<T> ids) {
        Map<T, Integer> index = new HashMap<>();
        for (T id : ids) {
            index.put(id, index.size());
        }
        return index;
    }

    private static <T> List<List<T>> emptyLists(int n) {
        List<List<T>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }
}
