package org.ibrasnn.djl.task;

import java.util.Optional;
import org.ibrasnn.core.task.detection.GroundTruthBox;

/**
 * Where augmentation moved one image: {@code out(y, x) = in(y + dy, x' + dx)}, with {@code x' = width - 1 - x}
 * when mirrored and zero outside the image. A task whose targets are positions ({@link #apply}) moves them the
 * same way.
 */
public record ImageShift(int dy, int dx, boolean mirror) {

    /** The image as it was. */
    public static final ImageShift NONE = new ImageShift(0, 0, false);

    /** A moved box keeps at least this many pixels in both directions, else it is dropped. */
    static final double MIN_SIDE = 2;

    /** A moved box keeps at least this fraction of its area inside the image, else it is dropped. */
    static final double MIN_VISIBLE = 0.25;

    /**
     * The box on the moved {@code width x height} image, clipped to it; empty when too little of it is left
     * ({@link #MIN_SIDE}, {@link #MIN_VISIBLE}). A clipped box's area scales with its visible part.
     */
    public Optional<GroundTruthBox> apply(GroundTruthBox box, int height, int width) {
        double x0 = box.x() - dx;
        double x1 = box.x() + box.w() - dx;
        if (mirror) {
            double left = width - x1;
            x1 = width - x0;
            x0 = left;
        }
        double y0 = box.y() - dy;
        double y1 = box.y() + box.h() - dy;
        double cx0 = Math.max(0, x0), cy0 = Math.max(0, y0);
        double cw = Math.min(width, x1) - cx0, ch = Math.min(height, y1) - cy0;
        if (cw < MIN_SIDE || ch < MIN_SIDE || cw * ch < MIN_VISIBLE * box.w() * box.h()) {
            return Optional.empty();
        }
        double visible = cw * ch / (box.w() * box.h());
        return Optional.of(new GroundTruthBox(box.imageId(), box.categoryId(), cx0, cy0, cw, ch, box.area() * visible,
                box.iscrowd()));
    }
}
