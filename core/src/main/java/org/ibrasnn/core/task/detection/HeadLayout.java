package org.ibrasnn.core.task.detection;

import java.util.ArrayList;
import java.util.List;
import org.ibrasnn.core.model.Shape;

/**
 * The detector head's output layout and its decoding. A detector has one output per level, strides 8, 16 and
 * 32 in that order, each real-valued {@code [4 * REG_MAX + classes, H, W]}: channel {@code side * REG_MAX + k}
 * is bin k of side l, t, r, b (in that order), then one logit per class. Cell (y, x) of a level of stride s is
 * anchored at {@code ((x + 0.5) s, (y + 0.5) s)} input pixels; each side's distance is the softmax expectation
 * of its bins ({@code sum_k softmax_k * k}, in strides) and the box is
 * {@code (ax - l s, ay - t s, ax + r s, ay + b s)}; class scores are the logits' sigmoids.
 */
public final class HeadLayout {

    /** Distribution bins per box side. */
    public static final int REG_MAX = 16;

    /** The strides of the outputs, in output order. */
    public static final List<Integer> STRIDES = List.of(8, 16, 32);

    private HeadLayout() {}

    /** Channels of one level's output for {@code classes} classes. */
    public static int channels(int classes) {
        return 4 * REG_MAX + classes;
    }

    /**
     * The (box, class) pairs of one image whose score exceeds {@code threshold}, in output order (level, y,
     * x, class), from the concatenated CHW outputs of its levels (at strides 8, 16, 32 in turn).
     */
    public static List<Candidate> candidates(List<Shape> levels, float[] outputs, double threshold) {
        if (levels.size() > STRIDES.size()) {
            throw new IllegalArgumentException("a detector has at most " + STRIDES.size() + " levels, not "
                    + levels.size());
        }
        int expected = levels.stream().mapToInt(Shape::size).sum();
        if (outputs.length != expected) {
            throw new IllegalArgumentException("detector outputs have " + outputs.length + " values, the levels "
                    + levels + " hold " + expected);
        }
        List<Candidate> out = new ArrayList<>();
        int offset = 0;
        for (int l = 0; l < levels.size(); l++) {
            Shape level = levels.get(l);
            int stride = STRIDES.get(l);
            int area = level.height() * level.width();
            int classes = level.channels() - 4 * REG_MAX;
            for (int cell = 0; cell < area; cell++) {
                double[] box = null;
                for (int c = 0; c < classes; c++) {
                    double score = sigmoid(outputs[offset + (4 * REG_MAX + c) * area + cell]);
                    if (score > threshold) {
                        if (box == null) {
                            box = box(outputs, offset, area, cell, level.width(), stride);
                        }
                        out.add(new Candidate(c, score, box[0], box[1], box[2], box[3]));
                    }
                }
            }
            offset += level.size();
        }
        return out;
    }

    /** x1, y1, x2, y2 of one cell. */
    private static double[] box(float[] outputs, int offset, int area, int cell, int width, int stride) {
        double ax = (cell % width + 0.5) * stride;
        double ay = (cell / width + 0.5) * stride;
        double[] d = new double[4];
        for (int side = 0; side < 4; side++) {
            int base = offset + side * REG_MAX * area + cell;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < REG_MAX; k++) {
                max = Math.max(max, outputs[base + k * area]);
            }
            double sum = 0;
            double weighted = 0;
            for (int k = 0; k < REG_MAX; k++) {
                double e = Math.exp(outputs[base + k * area] - max);
                sum += e;
                weighted += e * k;
            }
            d[side] = weighted / sum * stride;
        }
        return new double[] {ax - d[0], ay - d[1], ax + d[2], ay + d[3]};
    }

    private static double sigmoid(float logit) {
        return 1 / (1 + Math.exp(-logit));
    }
}
