package org.ibrasnn.runtime;

import java.util.List;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.task.Targets;
import org.ibrasnn.core.task.detection.GroundTruthBox;

/** Labelled images as the runtime reads them: CHW floats, one at a time, with their targets. */
public interface ImageSource extends Targets {

    Shape shape();

    int size();

    @Override
    int label(int i);

    /** Writes image {@code i} into {@code dst} (length {@code shape().size()}). */
    void image(int i, float[] dst);

    /** A dataset's images scaled to [0, 1], as in training. */
    static ImageSource of(ImageDataset data) {
        return new ImageSource() {
            @Override public Shape shape() { return data.shape(); }
            @Override public int size() { return data.size(); }
            @Override public int label(int i) { return data.label(i); }
            @Override public List<GroundTruthBox> boxes(int i) { return data.boxes(i); }
            @Override public void image(int i, float[] dst) { data.copyImages(new int[] {i}, dst); }
        };
    }
}
