/**
 * Object detection scoring: {@link org.ibrasnn.core.task.detection.CocoEvaluation} computes COCOeval's twelve
 * bbox statistics ({@link org.ibrasnn.core.task.detection.CocoStats}) from
 * {@link org.ibrasnn.core.task.detection.GroundTruthBox} and {@link org.ibrasnn.core.task.detection.DetectionBox}
 * lists; {@link org.ibrasnn.core.task.detection.CocoJson} writes both in the files pycocotools reads.
 */
package org.ibrasnn.core.task.detection;
