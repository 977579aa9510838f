package org.ibrasnn.djl.task.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hand-worked cases of the detection loss's parts: CIoU, DFL, and the task-aligned assignment. */
class DetectionLossTest {

    @Test
    void ciouOfKnownBoxes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new double[] {0, 0, 2, 2, 0, 0, 4, 2, 1, 1, 5, 5}, new Shape(3, 4));
            NDArray b = m.create(new double[] {1, 1, 3, 3, 0, 0, 2, 4, 1, 1, 5, 5}, new Shape(3, 4));
            double[] ciou = BoxIou.ciou(a, b).toDoubleArray();
            // same shape, offset by (1, 1): IoU 1/7, centre distance² 2 over enclosing diagonal² 18
            assertEquals(1.0 / 7 - 1.0 / 9, ciou[0], 1e-6);
            // 4x2 against 2x4: IoU 4/12, distance² 2 over diagonal² 32, aspect term v·alpha
            double v = 4 / (Math.PI * Math.PI) * Math.pow(Math.atan(0.5) - Math.atan(2), 2);
            assertEquals(1.0 / 3 - 1.0 / 16 - v * v / (v - 1.0 / 3 + 1), ciou[1], 1e-6);
            assertEquals(1, ciou[2], 1e-6);
        }
    }

    @Test
    void dflSplitsTheTargetBetweenTwoBins() {
        double[] w = new double[32];
        DistributionFocalLoss.target(2.25, 16, w, 0);
        DistributionFocalLoss.target(40, 16, w, 16);
        assertEquals(0.75, w[2], 1e-12);
        assertEquals(0.25, w[3], 1e-12);
        assertEquals(0.01, w[16 + 14], 1e-12);
        assertEquals(0.99, w[16 + 15], 1e-12);
        try (NDManager m = NDManager.newBaseManager()) {
            // uniform bins: expectation 7.5 and cross-entropy log 16 whatever the target; one-hot-like bins: -log p
            double[] bins = new double[4 * 16];
            bins[16 + 3] = Math.log(3 * 15); // p(bin 3) = 3/4 on side t
            NDArray logits = m.create(bins, new Shape(4, 16));
            double[] targets = new double[4 * 16];
            for (int side = 0; side < 4; side++) {
                DistributionFocalLoss.target(3, 16, targets, 16 * side);
            }
            assertArrayEquals(new double[] {7.5, 3 * 0.75 + (120 - 3) / 60.0, 7.5, 7.5},
                    DistributionFocalLoss.expectation(logits).toDoubleArray(), 1e-9);
            double expected = (3 * Math.log(16) + -Math.log(0.75)) / 4;
            assertEquals(expected, DistributionFocalLoss.loss(logits, m.create(targets, new Shape(4, 16)))
                    .getDouble(), 1e-9);
        }
    }

    @Test
    void aSingleBoxTakesItsTenBestAlignedCandidates() {
        try (NDManager m = NDManager.newBaseManager()) {
            Anchors anchors = Anchors.of(new NDList(m.zeros(new Shape(1, 1, 8, 8))), 8);
            double[] gt = {16, 16, 48, 48};
            double[] probs = new double[64 * 3];
            double[] boxes = new double[64 * 4];
            for (int k = 0; k < 64; k++) {
                probs[3 * k + 1] = (k + 1) / 100.0;
                System.arraycopy(gt, 0, boxes, 4 * k, 4);
            }
            TaskAlignedAssigner.Assignment t = TaskAlignedAssigner.V8.assign(m.create(probs, new Shape(1, 64, 3)),
                    m.create(boxes, new Shape(1, 64, 4)), anchors, m.create(gt, new Shape(1, 1, 4)),
                    m.create(new int[] {1}, new Shape(1, 1)), m.create(new int[] {1}, new Shape(1, 1)));
            // candidates: centres 20, 28, 36, 44 on both axes (rows 2..5, columns 2..5); the ten of highest
            // probability are the last ten in anchor order: rows 3..5 except (3, 2) and (3, 3)
            int[] chosen = {28, 29, 34, 35, 36, 37, 42, 43, 44, 45};
            double best = Math.sqrt(46 / 100.0);
            for (int k = 0; k < 64; k++) {
                boolean fg = contains(chosen, k);
                assertEquals(fg, t.foreground()[k], "anchor " + k);
                // the CIoU of equal boxes is 1 up to the 1e-7 guards
                double score = fg ? Math.sqrt((k + 1) / 100.0) / best : 0;
                assertEquals(score, t.scores()[3 * k + 1], 1e-7, "anchor " + k);
                assertEquals(0, t.scores()[3 * k] + t.scores()[3 * k + 2]);
            }
            assertArrayEquals(gt, Arrays.copyOfRange(t.boxes(), 4 * 44, 4 * 45));
        }
    }

    @Test
    void slotsLeftByMisalignedCandidatesGoToZeroMetricAnchorsInAnchorOrder() {
        try (NDManager m = NDManager.newBaseManager()) {
            // candidates 4, 5, 12, 13 all have CIoU < 0, so metric 0: the ten slots go to anchors 0..9
            TaskAlignedAssigner.Assignment t = assignOnGrid(m, new double[] {40, 40, 60, 60},
                    new double[] {32, 0, 48, 16}, new int[] {0}, new int[] {1});
            for (int k = 0; k < 64; k++) {
                assertEquals(k == 4 || k == 5, t.foreground()[k], "anchor " + k);
            }
            assertEquals(0, Arrays.stream(t.scores()).sum());
        }
    }

    @Test
    void anAnchorClaimedTwiceGoesToTheBoxItOverlapsMost() {
        try (NDManager m = NDManager.newBaseManager()) {
            // box 0 (class 0) has candidates at centres 4..28, box 1 (class 2, the predicted box) at 12..36;
            // equal metrics, so each takes its first ten candidates in anchor order; the padded third is ignored
            TaskAlignedAssigner.Assignment t = assignOnGrid(m, new double[] {8, 8, 40, 40},
                    new double[] {0, 0, 32, 32, 8, 8, 40, 40, 0, 0, 64, 64}, new int[] {0, 2, 1}, new int[] {1, 1, 0});
            int[] box0 = {0, 1, 2, 3, 8, 9, 10, 11, 16, 17};
            int[] box1 = {9, 10, 11, 12, 17, 18, 19, 20, 25, 26};
            for (int k = 0; k < 64; k++) {
                int cls = contains(box1, k) ? 2 : contains(box0, k) ? 0 : -1;
                assertEquals(cls >= 0, t.foreground()[k], "anchor " + k);
                for (int c = 0; c < 3; c++) {
                    assertEquals(c == cls, t.scores()[3 * k + c] > 0, "anchor " + k + " class " + c);
                }
            }
            assertEquals(1, t.scores()[3 * 9 + 2], 1e-6);
        }
    }

    @Test
    void thePartsAreFiniteAndCombineWithTheGainsTimesTheBatchSize() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList levels = new NDList(m.randomNormal(new Shape(2, 4 * 16 + 3, 8, 8)),
                    m.randomNormal(new Shape(2, 4 * 16 + 3, 4, 4)), m.randomNormal(new Shape(2, 4 * 16 + 3, 2, 2)));
            NDArray gt = m.create(new float[] {8, 8, 40, 40, 0, 0, 0, 0, 10, 20, 60, 50, 30, 4, 50, 30},
                    new Shape(2, 2, 4));
            DetectionLoss.Components c = DetectionLoss.v8(3).compute(levels, gt,
                    m.create(new int[] {1, 0, 2, 0}, new Shape(2, 2)), m.create(new int[] {1, 0, 1, 1}, new Shape(2, 2)));
            for (NDArray part : new NDArray[] {c.box(), c.cls(), c.dfl()}) {
                assertTrue(part.getFloat() > 0 && Float.isFinite(part.getFloat()), part.toString());
            }
            assertEquals((7.5 * c.box().getFloat() + 0.5 * c.cls().getFloat() + 1.5 * c.dfl().getFloat()) * 2,
                    c.total().getFloat(), 1e-4);
            assertEquals(DataType.FLOAT32, c.total().getDataType());
        }
    }

    /**
     * Assigns one image's ground truth ({@code truth} as x1 y1 x2 y2 per box, its classes and padding mask) on an 8x8
     * grid of stride 8 whose 64 anchors all predict the box {@code predicted} with probability 0.5 for each of 3
     * classes.
     */
    private static TaskAlignedAssigner.Assignment assignOnGrid(NDManager m, double[] predicted, double[] truth,
                                                               int[] classes, int[] mask) {
        Anchors anchors = Anchors.of(new NDList(m.zeros(new Shape(1, 1, 8, 8))), 8);
        double[] probs = new double[64 * 3];
        double[] boxes = new double[64 * 4];
        Arrays.fill(probs, 0.5);
        for (int k = 0; k < 64; k++) {
            System.arraycopy(predicted, 0, boxes, 4 * k, 4);
        }
        int n = classes.length;
        return TaskAlignedAssigner.V8.assign(m.create(probs, new Shape(1, 64, 3)), m.create(boxes, new Shape(1, 64, 4)),
                anchors, m.create(truth, new Shape(1, n, 4)), m.create(classes, new Shape(1, n)),
                m.create(mask, new Shape(1, n)));
    }

    private static boolean contains(int[] values, int k) {
        return Arrays.stream(values).anyMatch(v -> v == k);
    }
}
