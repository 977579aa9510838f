package org.ibrasnn.core.task;

import java.util.List;
import org.ibrasnn.core.task.detection.GroundTruthBox;

/** A dataset's targets by item index: a class label for classification, boxes for detection. */
@FunctionalInterface
public interface Targets {

    int label(int index);

    /** The ground-truth boxes of item {@code index}, whose {@code imageId} is the index; none unless overridden. */
    default List<GroundTruthBox> boxes(int index) {
        throw new UnsupportedOperationException("these targets are class labels and carry no boxes");
    }
}
