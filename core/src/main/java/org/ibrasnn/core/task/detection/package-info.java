/**
 * Object detection: {@link org.ibrasnn.core.task.detection.HeadLayout} is the detector head's output layout and
 * its decoding into {@link org.ibrasnn.core.task.detection.Candidate}s, {@link org.ibrasnn.core.task.detection.Nms}
 * the per-class suppression, {@link org.ibrasnn.core.task.detection.CocoEvaluator} the task's evaluator;
 * {@link org.ibrasnn.core.task.detection.CocoEvaluation} computes COCOeval's twelve bbox statistics
 * ({@link org.ibrasnn.core.task.detection.CocoStats}) from {@link org.ibrasnn.core.task.detection.GroundTruthBox}
 * and {@link org.ibrasnn.core.task.detection.DetectionBox} lists, or a
 * {@link org.ibrasnn.core.task.detection.CocoResult} that also keeps each category's precision curves and AP;
 * {@link org.ibrasnn.core.task.detection.CocoJson}
 * writes both in the files pycocotools reads.
 */
package org.ibrasnn.core.task.detection;
