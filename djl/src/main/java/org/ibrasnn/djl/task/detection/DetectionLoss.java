package org.ibrasnn.djl.task.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.Arrays;

/**
 * The YOLOv8 detection loss (ultralytics 8.x's {@code v8DetectionLoss} with {@code BboxLoss}) on the head layout
 * of this project: one output [B, 4R + C, H, W] per level, channels {@code side * R + bin} the box distribution
 * bins of sides l, t, r, b (distances from the anchor in stride units), then C class logits.
 *
 * <p>Targets come from the {@link TaskAlignedAssigner} on the detached predictions. With S the sum of the
 * target scores (at least 1) and w the target score of a foreground anchor (summed over classes):
 * <ul>
 *   <li>cls = Σ BCE-with-logits(logits, target scores) / S, over all anchors and classes;</li>
 *   <li>box = Σ w · (1 - CIoU(predicted, assigned box)) / S, both boxes in stride units;</li>
 *   <li>dfl = Σ w · {@link DistributionFocalLoss} / S;</li>
 *   <li>total = (box gain · box + cls gain · cls + dfl gain · dfl) · B, the batch size factor as ultralytics.</li>
 * </ul>
 * Background anchors carry zero weight in box and dfl.
 *
 * @param classes C
 * @param regMax R, the number of distribution bins per side
 * @param strides the stride of each output level in pixels, in output order
 */
public record DetectionLoss(int classes, int regMax, int[] strides, TaskAlignedAssigner assigner, double boxGain,
        double clsGain, double dflGain) {

    /** Checks the sizes; keeps its own copy of {@code strides}. */
    public DetectionLoss {
        if (classes < 1 || regMax < 2 || strides.length == 0) {
            throw new IllegalArgumentException("a detection loss needs at least 1 class, 2 bins per side and 1 level,"
                    + " not " + classes + ", " + regMax + " and " + strides.length);
        }
        strides = strides.clone();
    }

    /** Ultralytics v8's defaults: R = 16, strides 8/16/32, top-10 assignment, gains 7.5 / 0.5 / 1.5. */
    public static DetectionLoss v8(int classes) {
        return new DetectionLoss(classes, 16, new int[] {8, 16, 32}, TaskAlignedAssigner.V8, 7.5, 0.5, 1.5);
    }

    /**
     * The loss and its parts; {@code box}, {@code cls} and {@code dfl} are before their gains and the batch
     * factor, each a scalar.
     */
    public record Components(NDArray total, NDArray box, NDArray cls, NDArray dfl) {}

    /** The outputs concatenated over levels as [B, A, 4R + C], anchors in {@link Anchors} order. */
    public static NDArray flatten(NDList levels) {
        NDList rows = new NDList();
        for (NDArray level : levels) {
            Shape s = level.getShape();
            rows.add(level.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)));
        }
        return NDArrays.concat(rows, 2).transpose(0, 2, 1);
    }

    /** Predicted boxes [B, A, 4] x1y1x2y2 in stride units from the flattened outputs [B, A, 4R + C]. */
    public NDArray boxes(NDArray flat, Anchors anchors) {
        return anchors.boxes(DistributionFocalLoss.expectation(bins(flat)));
    }

    /**
     * The loss of a batch.
     *
     * @param levels the head outputs in stride order
     * @param gtBoxes [B, M, 4] x1y1x2y2 pixels, padded
     * @param gtClasses [B, M]
     * @param gtMask [B, M], non-zero for the real boxes
     */
    public Components compute(NDList levels, NDArray gtBoxes, NDArray gtClasses, NDArray gtMask) {
        Anchors anchors = Anchors.of(levels, strides);
        NDArray flat = flatten(levels);
        long b = flat.getShape().get(0);
        int a = anchors.count();
        if (flat.getShape().get(2) != 4L * regMax + classes) {
            throw new IllegalArgumentException("head outputs have " + flat.getShape().get(2) + " channels, expected "
                    + (4 * regMax + classes) + " (4 x " + regMax + " box bins + " + classes + " classes)");
        }
        NDManager manager = flat.getManager();
        DataType type = flat.getDataType();
        NDArray bins = bins(flat);
        NDArray logits = flat.get(":, :, " + 4 * regMax + ":");
        NDArray predicted = boxes(flat, anchors);
        TaskAlignedAssigner.Assignment t = assigner.assign(Activation.sigmoid(logits).stopGradient(),
                predicted.stopGradient().mul(anchors.strides(manager, type)), anchors, gtBoxes, gtClasses, gtMask);

        double[] boxes = t.boxes().clone();
        double[] sides = new double[Math.toIntExact(b * a * 4 * regMax)];
        for (int i = 0; i < b * a; i++) {
            int k = (int) (i % a);
            double s = anchors.stride(k);
            for (int j = 0; j < 4; j++) {
                boxes[4 * i + j] /= s;
            }
            double x = anchors.point(k, 0), y = anchors.point(k, 1);
            double[] ltrb = {x - boxes[4 * i], y - boxes[4 * i + 1], boxes[4 * i + 2] - x, boxes[4 * i + 3] - y};
            for (int j = 0; j < 4; j++) {
                DistributionFocalLoss.target(ltrb[j], regMax, sides, (4 * i + j) * regMax);
            }
        }
        NDArray scores = manager.create(t.scores(), new Shape(b, a, classes)).toType(type, false);
        NDArray target = manager.create(boxes, new Shape(b, a, 4)).toType(type, false);
        NDArray sideTargets = manager.create(sides, new Shape(b, a, 4, regMax)).toType(type, false);
        // scalars in the predictions' type: a float64 scalar would promote a 0-d float32 result to float64
        NDArray scoreSum = manager.create(Math.max(Arrays.stream(t.scores()).sum(), 1)).toType(type, false);
        NDArray weight = scores.sum(new int[] {-1});

        NDArray cls = logits.maximum(0).sub(logits.mul(scores)).add(logits.abs().neg().exp().add(1).log()).sum()
                .div(scoreSum);
        NDArray box = BoxIou.ciou(predicted, target).neg().add(1).mul(weight).sum().div(scoreSum);
        NDArray dfl = DistributionFocalLoss.loss(bins, sideTargets).mul(weight).sum().div(scoreSum);
        NDArray gains = manager.create(new double[] {boxGain * b, clsGain * b, dflGain * b}).toType(type, false);
        NDArray total = NDArrays.stack(new NDList(box, cls, dfl)).mul(gains).sum();
        return new Components(total, box, cls, dfl);
    }

    private NDArray bins(NDArray flat) {
        Shape s = flat.getShape();
        return flat.get(":, :, :" + 4 * regMax).reshape(s.get(0), s.get(1), 4, regMax);
    }
}
