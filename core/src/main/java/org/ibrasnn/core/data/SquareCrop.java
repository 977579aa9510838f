package org.ibrasnn.core.data;

import java.awt.image.BufferedImage;

/**
 * Scales a picture's centred square (side {@code min(width, height)}) to {@code size x size} RGB bytes: the same as
 * scaling the shorter side to {@code size} and cropping the centre. A separable triangle filter whose support
 * widens with the scale factor averages every source pixel when shrinking and interpolates bilinearly when
 * enlarging. Colours come from {@link BufferedImage#getRGB} (sRGB, whatever the source's colour model); alpha is
 * dropped.
 */
final class SquareCrop {

    private SquareCrop() {}

    /** Writes the three planes R, G, B of the scaled square into {@code dst} from {@code offset}. */
    static void writeRgb(BufferedImage image, int size, byte[] dst, int offset) {
        int w = image.getWidth();
        int h = image.getHeight();
        int side = Math.min(w, h);
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        Taps across = new Taps((w - side) / 2, side, w, size);
        Taps down = new Taps((h - side) / 2, side, h, size);
        float[] rows = new float[h * size];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            for (int y = 0; y < h; y++) {
                for (int o = 0; o < size; o++) {
                    float sum = 0;
                    for (int k = 0; k < across.weights[o].length; k++) {
                        sum += across.weights[o][k] * ((argb[y * w + across.start[o] + k] >> shift) & 0xFF);
                    }
                    rows[y * size + o] = sum;
                }
            }
            for (int o = 0; o < size; o++) {
                for (int x = 0; x < size; x++) {
                    float sum = 0;
                    for (int k = 0; k < down.weights[o].length; k++) {
                        sum += down.weights[o][k] * rows[(down.start[o] + k) * size + x];
                    }
                    dst[offset + (c * size + o) * size + x] = (byte) Math.clamp(Math.round(sum), 0, 255);
                }
            }
        }
    }

    /** For each output sample, the first source index it reads and the normalised weights from there on. */
    private static final class Taps {
        final int[] start;
        final float[][] weights;

        /** Maps source samples {@code [from, from + length)} of {@code limit} onto {@code outputs} samples. */
        Taps(int from, int length, int limit, int outputs) {
            start = new int[outputs];
            weights = new float[outputs][];
            double scale = (double) length / outputs;
            double support = Math.max(1, scale);
            for (int o = 0; o < outputs; o++) {
                double centre = from + (o + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support));
                int hi = Math.min(limit, (int) Math.ceil(centre + support));
                float[] w = new float[hi - lo];
                float total = 0;
                for (int j = lo; j < hi; j++) {
                    w[j - lo] = (float) Math.max(0, 1 - Math.abs(j + 0.5 - centre) / support);
                    total += w[j - lo];
                }
                for (int k = 0; k < w.length; k++) {
                    w[k] /= total;
                }
                start[o] = lo;
                weights[o] = w;
            }
        }
    }
}
