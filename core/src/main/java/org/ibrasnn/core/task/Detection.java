package org.ibrasnn.core.task;

import java.util.List;
import java.util.Optional;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.task.detection.Candidate;
import org.ibrasnn.core.task.detection.CocoEvaluator;
import org.ibrasnn.core.task.detection.DetectionBox;
import org.ibrasnn.core.task.detection.HeadLayout;
import org.ibrasnn.core.task.detection.Nms;

/**
 * Object detection, YOLOv8-style and anchor-free: three real-valued outputs at strides 8, 16 and 32 laid out
 * as {@link HeadLayout} says, decoded with validation's rules (scores above {@value #CONFIDENCE}, per-class NMS
 * at IoU {@value #NMS_IOU}, at most {@value #MAX_DETECTIONS} per image) and scored by COCO's mAP@50:95.
 */
public final class Detection implements Task {

    /** The registry name. */
    public static final String NAME = "detect";

    /** The primary metric: COCO AP averaged over IoU 0.50:0.95. */
    public static final String MAP = "mAP50_95";

    /** Candidates score strictly above this. */
    public static final double CONFIDENCE = 0.001;

    /** A candidate is suppressed by a kept box of its class overlapping it by more than this IoU. */
    public static final double NMS_IOU = 0.7;

    /** Detections kept per image. */
    public static final int MAX_DETECTIONS = 300;

    static final Detection INSTANCE = new Detection();

    private Detection() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String metricName() {
        return MAP;
    }

    @Override
    public Optional<String> headProblem(List<Head> heads) {
        List<Integer> strides = HeadLayout.STRIDES;
        if (heads.size() != strides.size()) {
            return Optional.of("detection needs " + strides.size() + " outputs (strides " + strides
                    + "), the network has " + heads.size());
        }
        for (int l = 0; l < heads.size(); l++) {
            Head h = heads.get(l);
            int s = strides.get(l);
            String which = "detection output " + (l + 1) + " (stride " + s + ")";
            if (!h.realValued()) {
                return Optional.of(which + " must be real-valued (a conv), not " + h.values());
            }
            int channels = HeadLayout.channels(h.declared());
            if (h.output().channels() != channels) {
                return Optional.of(which + " has " + h.output().channels() + " channels but 4 x "
                        + HeadLayout.REG_MAX + " box bins + " + h.declared() + " classes = " + channels
                        + " were declared");
            }
            if (!fits(h.output().height(), h.input().height(), s) || !fits(h.output().width(), h.input().width(), s)) {
                return Optional.of(which + " is " + h.output().height() + "x" + h.output().width() + " but an input of "
                        + h.input().height() + "x" + h.input().width() + " gives " + sizes(h.input().height(), s)
                        + "x" + sizes(h.input().width(), s) + " at that stride");
            }
        }
        return Optional.empty();
    }

    private static boolean fits(int size, int input, int stride) {
        return size == input / stride || size == (input + stride - 1) / stride;
    }

    private static String sizes(int input, int stride) {
        int floor = input / stride;
        int ceil = (input + stride - 1) / stride;
        return floor == ceil ? String.valueOf(floor) : "(" + floor + " or " + ceil + ")";
    }

    /**
     * The detections of one image of {@code input}'s size from its concatenated outputs, best first, on image
     * {@code imageId}: suppressed, then clipped to the image.
     */
    public static List<DetectionBox> decode(List<Shape> levels, Shape input, float[] outputs, long imageId) {
        List<Candidate> kept = Nms.suppress(HeadLayout.candidates(levels, outputs, CONFIDENCE), NMS_IOU,
                MAX_DETECTIONS);
        return kept.stream().map(c -> c.clipped(input.width(), input.height()).toDetection(imageId)).toList();
    }

    @Override
    public boolean boxTargets() {
        return true;
    }

    @Override
    public Evaluator evaluator(List<Head> heads, int count) {
        headProblem(heads).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new CocoEvaluator(heads.stream().map(Head::output).toList(), heads.get(0).input(),
                heads.get(0).declared(), count);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
