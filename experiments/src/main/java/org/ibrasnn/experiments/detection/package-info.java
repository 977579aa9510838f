/** Pictures of detections: boxes, class names and scores drawn over the image they were found in, one or a grid. */
package org.ibrasnn.experiments.detection;
