package org.ibrasnn.core.task;

import java.util.List;
import org.ibrasnn.core.task.detection.GroundTruthBox;

/** Detection targets for tests: each item's ground-truth boxes from a list; reading a class label fails the test. */
public final class BoxTargets {

    private BoxTargets() {}

    /** Targets whose item {@code i} has the boxes {@code truths.get(i)}. */
    public static Targets of(List<List<GroundTruthBox>> truths) {
        return new Targets() {
            @Override
            public int label(int index) {
                throw new AssertionError("detection reads boxes");
            }

            @Override
            public List<GroundTruthBox> boxes(int index) {
                return truths.get(index);
            }
        };
    }
}
