package org.ibrasnn.djl.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ibrasnn.djl.task.ImageShift;

/**
 * Random crop with zero padding, random horizontal flip and random erasing, applied in place to a batch of
 * CHW images stored contiguously. Deterministic for a given random source; a disabled transform draws no
 * random numbers, so adding one to the recipe leaves the others' draws unchanged.
 *
 * <p>Random erasing follows Zhong et al. (2017): with probability {@code erasing}, a rectangle covering 2-40 %
 * of the image with aspect ratio between 0.3 and 1/0.3 (log-uniform) is filled with uniform noise in [0, 1)
 * in every channel; a draw that does not fit is retried up to 10 times.
 */
final class Augmentation {

    private final int channels;
    private final int height;
    private final int width;
    private final int padding;
    private final boolean flip;
    private final float erasing;
    private final float[] scratch;

    Augmentation(int channels, int height, int width, int padding, boolean flip, float erasing) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.padding = padding;
        this.flip = flip;
        this.erasing = erasing;
        this.scratch = new float[channels * height * width];
    }

    /** Transforms {@code images} images in place; returns where each was moved. */
    List<ImageShift> apply(float[] batch, int images, SplittableRandom random) {
        int size = channels * height * width;
        List<ImageShift> shifts = new ArrayList<>(images);
        for (int i = 0; i < images; i++) {
            int dy = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
            int dx = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
            boolean mirror = flip && random.nextBoolean();
            if (dx != 0 || dy != 0 || mirror) {
                transform(batch, i * size, dy, dx, mirror);
            }
            shifts.add(new ImageShift(dy, dx, mirror));
            if (erasing > 0 && random.nextDouble() < erasing) {
                erase(batch, i * size, random);
            }
        }
        return shifts;
    }

    private void erase(float[] batch, int offset, SplittableRandom random) {
        double area = height * width;
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (0.02 + random.nextDouble() * 0.38);
            double ratio = Math.exp(Math.log(0.3) + random.nextDouble() * 2 * Math.log(1 / 0.3));
            int h = (int) Math.round(Math.sqrt(target * ratio));
            int w = (int) Math.round(Math.sqrt(target / ratio));
            if (h < 1 || w < 1 || h >= height || w >= width) {
                continue;
            }
            int top = random.nextInt(height - h + 1);
            int left = random.nextInt(width - w + 1);
            for (int c = 0; c < channels; c++) {
                for (int y = top; y < top + h; y++) {
                    int row = offset + (c * height + y) * width;
                    for (int x = left; x < left + w; x++) {
                        batch[row + x] = (float) random.nextDouble();
                    }
                }
            }
            return;
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
