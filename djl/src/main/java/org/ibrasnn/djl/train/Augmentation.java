package org.ibrasnn.djl.train;

import java.util.SplittableRandom;

/**
 * Random crop with zero padding and random horizontal flip, applied in place to a batch of CHW images
 * stored contiguously. Deterministic for a given random source.
 */
final class Augmentation {

    private final int channels;
    private final int height;
    private final int width;
    private final int padding;
    private final boolean flip;
    private final float[] scratch;

    Augmentation(int channels, int height, int width, int padding, boolean flip) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.padding = padding;
        this.flip = flip;
        this.scratch = new float[channels * height * width];
    }

    void apply(float[] batch, int images, SplittableRandom random) {
        int size = channels * height * width;
        for (int i = 0; i < images; i++) {
            int dy = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
            int dx = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
            boolean mirror = flip && random.nextBoolean();
            if (dx != 0 || dy != 0 || mirror) {
                transform(batch, i * size, dy, dx, mirror);
            }
        }
    }

    /** out(y, x) = in(y + dy, x' + dx) with x' mirrored when asked; outside the image is zero. */
    private void transform(float[] batch, int offset, int dy, int dx, boolean mirror) {
        System.arraycopy(batch, offset, scratch, 0, scratch.length);
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                for (int x = 0; x < width; x++) {
                    int sx = (mirror ? width - 1 - x : x) + dx;
                    boolean inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
                    batch[offset + plane + y * width + x] = inside ? scratch[plane + sy * width + sx] : 0f;
                }
            }
        }
    }
}
