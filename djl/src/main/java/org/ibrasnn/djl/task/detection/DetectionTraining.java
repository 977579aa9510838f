package org.ibrasnn.djl.task.detection;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.core.task.Tasks;
import org.ibrasnn.core.task.detection.GroundTruthBox;
import org.ibrasnn.core.task.detection.HeadLayout;
import org.ibrasnn.djl.task.HostArray;
import org.ibrasnn.djl.task.ImageShift;
import org.ibrasnn.djl.task.TrainingTask;

/**
 * Training for detection: {@link DetectionLoss#v8} on the three head outputs, against each image's boxes moved with
 * the image (boxes cut to less than a quarter of their area, or thinner than 2 pixels, are dropped; crowd boxes are
 * not trained on), the class logits starting at a prior ({@link ClassPrior}). The training metric {@value #METRIC}
 * is one minus the box loss before its gain: the mean CIoU of the assigned anchors' predicted boxes with their
 * targets, weighted by the target scores.
 */
public final class DetectionTraining implements TrainingTask {

    /** The training metric's name. */
    public static final String METRIC = "box_ciou";

    /** The one instance, registered with the training tasks. */
    public static final DetectionTraining INSTANCE = new DetectionTraining();

    private DetectionTraining() {}

    @Override
    public Task task() {
        return Tasks.named("detect");
    }

    @Override
    public String metricName() {
        return METRIC;
    }

    /**
     * Three arrays, padded to the most boxes M of any image of the batch (at least 1): boxes [B, M, 4] as x1 y1 x2 y2
     * in pixels (float32), their class labels [B, M] and a mask [B, M] of 1 for real boxes (int64).
     */
    @Override
    public List<HostArray> targets(ImageDataset data, int[] indices, List<ImageShift> shifts) {
        int height = data.shape().height();
        int width = data.shape().width();
        List<List<GroundTruthBox>> kept = new ArrayList<>();
        int most = 1;
        for (int i = 0; i < indices.length; i++) {
            List<GroundTruthBox> moved = new ArrayList<>();
            for (GroundTruthBox b : data.boxes(indices[i])) {
                if (!b.iscrowd()) {
                    Optional<GroundTruthBox> m = shifts.get(i).apply(b, height, width);
                    m.ifPresent(moved::add);
                }
            }
            kept.add(moved);
            most = Math.max(most, moved.size());
        }
        int b = indices.length;
        float[] boxes = new float[b * most * 4];
        long[] classes = new long[b * most];
        long[] mask = new long[b * most];
        for (int i = 0; i < b; i++) {
            List<GroundTruthBox> list = kept.get(i);
            for (int j = 0; j < list.size(); j++) {
                GroundTruthBox g = list.get(j);
                int at = i * most + j;
                boxes[4 * at] = (float) g.x();
                boxes[4 * at + 1] = (float) g.y();
                boxes[4 * at + 2] = (float) (g.x() + g.w());
                boxes[4 * at + 3] = (float) (g.y() + g.h());
                classes[at] = g.categoryId();
                mask[at] = 1;
            }
        }
        return List.of(HostArray.of(boxes, new Shape(b, most, 4)), HostArray.of(classes, new Shape(b, most)),
                HostArray.of(mask, new Shape(b, most)));
    }

    /** Starts the class logits at YOLOv8's prior ({@link ClassPrior}). */
    @Override
    public void initialize(ModelSpec spec, Map<String, Parameter> parameters) {
        ClassPrior.apply(spec, parameters);
    }

    @Override
    public BatchLoss loss(NDList outputs, NDList targets, float labelSmoothing) {
        int classes = Math.toIntExact(outputs.get(0).getShape().get(1)) - 4 * HeadLayout.REG_MAX;
        DetectionLoss.Components c = DetectionLoss.v8(classes).compute(outputs, targets.get(0), targets.get(1),
                targets.get(2));
        long batch = outputs.get(0).getShape().get(0);
        return new BatchLoss(c.total(), (1 - c.box().getFloat()) * batch);
    }
}
