package org.ibrasnn.djl.task.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The anchor points of a detection head's levels, level by level and row-major within a level (the order of
 * {@link DetectionLoss#flatten}). Cell (y, x) of a level at stride s has its anchor at (x + 0.5, y + 0.5) in
 * stride units, that is ((x + 0.5)·s, (y + 0.5)·s) pixels; as in ultralytics 8.x, box regression and the DFL
 * work in stride units and the assigner in pixels.
 */
public final class Anchors {

    private final double[] points;
    private final double[] strides;

    private Anchors(double[] points, double[] strides) {
        this.points = points;
        this.strides = strides;
    }

    /**
     * The anchors of head outputs [B, channels, H, W], one per level.
     *
     * @param strides the stride of each level in pixels, in the order of {@code levels}
     */
    public static Anchors of(NDList levels, int... strides) {
        if (levels.size() != strides.length) {
            throw new IllegalArgumentException(levels.size() + " head outputs but " + strides.length + " strides");
        }
        int count = 0;
        for (NDArray level : levels) {
            count += Math.toIntExact(level.getShape().get(2) * level.getShape().get(3));
        }
        double[] points = new double[2 * count];
        double[] perAnchor = new double[count];
        int a = 0;
        for (int l = 0; l < strides.length; l++) {
            long h = levels.get(l).getShape().get(2), w = levels.get(l).getShape().get(3);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++, a++) {
                    points[2 * a] = x + 0.5;
                    points[2 * a + 1] = y + 0.5;
                    perAnchor[a] = strides[l];
                }
            }
        }
        return new Anchors(points, perAnchor);
    }

    /** The number of anchors over all levels. */
    public int count() {
        return strides.length;
    }

    /** Anchor {@code a}'s x (axis 0) or y (axis 1) in stride units. */
    public double point(int a, int axis) {
        return points[2 * a + axis];
    }

    /** The stride of anchor {@code a}'s level, in pixels. */
    public double stride(int a) {
        return strides[a];
    }

    /** The anchor points [A, 2] (x, y) in stride units. */
    public NDArray points(NDManager manager, DataType type) {
        return manager.create(points, new Shape(count(), 2)).toType(type, false);
    }

    /** The strides [A, 1] in pixels, to scale stride-unit boxes [.., A, 4] to pixels. */
    public NDArray strides(NDManager manager, DataType type) {
        return manager.create(strides, new Shape(count(), 1)).toType(type, false);
    }

    /**
     * Boxes x1y1x2y2 in stride units from distances [..., A, 4] (l, t, r, b, stride units) to the anchors:
     * anchor ∓ distance.
     */
    public NDArray boxes(NDArray distances) {
        NDArray p = points(distances.getManager(), distances.getDataType());
        return p.sub(distances.get("..., :2")).concat(p.add(distances.get("..., 2:")), -1);
    }
}
