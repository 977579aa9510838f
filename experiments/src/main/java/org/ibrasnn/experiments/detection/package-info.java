/**
 * Detection outside the test-set loop: a detector run on one picture, the picture with its boxes, class names and
 * scores drawn, and a run's detections as a COCO results file in its dataset's ids.
 */
package org.ibrasnn.experiments.detection;
