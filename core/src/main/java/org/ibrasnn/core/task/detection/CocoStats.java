package org.ibrasnn.core.task.detection;

import java.util.List;

/**
 * The twelve COCOeval bbox statistics, in COCOeval's order: AP averaged over IoU 0.50:0.95, AP at IoU 0.50
 * and 0.75, AP for small/medium/large objects, AR with at most 1/10/100 detections per image, AR for
 * small/medium/large objects. A statistic is -1 when no category has a ground truth it could score.
 */
public record CocoStats(double ap, double ap50, double ap75, double apSmall, double apMedium, double apLarge,
        double ar1, double ar10, double ar100, double arSmall, double arMedium, double arLarge) {

    /** The statistics' names, in {@link #values()} order. */
    public static final List<String> NAMES = List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10",
            "AR100", "ARs", "ARm", "ARl");

    /** What each statistic measures, in {@link #NAMES} order, as COCOeval's {@code summarize()} prints it. */
    public static final List<String> DESCRIPTIONS = List.of(
            "Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ]",
            "Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ]",
            "Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ]",
            "Average Precision  (AP) @[ IoU=0.50:0.95 | area= small | maxDets=100 ]",
            "Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ]",
            "Average Precision  (AP) @[ IoU=0.50:0.95 | area= large | maxDets=100 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets= 10 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area= small | maxDets=100 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area= large | maxDets=100 ]");

    /** The twelve statistics in COCOeval's order. */
    public List<Double> values() {
        return List.of(ap, ap50, ap75, apSmall, apMedium, apLarge, ar1, ar10, ar100, arSmall, arMedium, arLarge);
    }
}
