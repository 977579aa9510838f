/** Pictures of detections: boxes, class names and scores drawn over the image they were found in. */
package org.ibrasnn.experiments.detection;
