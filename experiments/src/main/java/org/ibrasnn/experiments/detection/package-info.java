/**
 * Detection outside the test-set loop: a detector run on one picture, pictures of detections (boxes, class names
 * and scores drawn over the image, one or a grid), and a run's detections as a COCO results file in its dataset's
 * ids.
 */
package org.ibrasnn.experiments.detection;
