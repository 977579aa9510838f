/**
 * The YOLOv8 detection loss on DJL arrays, with ultralytics 8.x's definitions (written here from them):
 * {@link org.ibrasnn.djl.task.detection.DetectionLoss} (BCE, 1 - CIoU and DFL weighted by the target scores),
 * {@link org.ibrasnn.djl.task.detection.TaskAlignedAssigner}, {@link org.ibrasnn.djl.task.detection.BoxIou}
 * (CIoU), {@link org.ibrasnn.djl.task.detection.DistributionFocalLoss} and the anchor points
 * ({@link org.ibrasnn.djl.task.detection.Anchors}). The integration tests check it against an independent
 * PyTorch implementation.
 */
package org.ibrasnn.djl.task.detection;
