package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random erasing: one noise rectangle of the documented size in every channel, at the recipe's rate. */
class AugmentationTest {

    private static final int C = 2;
    private static final int H = 28;
    private static final int W = 28;
    /** A value uniform noise in [0, 1) can never produce, so erased pixels are recognisable. */
    private static final float MARK = 2f;

    @Test
    void erasingReplacesOneRectangleOfTwoToFortyPercentInEveryChannel() {
        int images = 300;
        float[] batch = marked(images);
        new Augmentation(C, H, W, 0, false, 1f).apply(batch, images, new SplittableRandom(7));
        int erased = 0;
        for (int i = 0; i < images; i++) {
            int[] box = changedBox(batch, i, 0);
            if (box == null) {
                continue;
            }
            erased++;
            int h = box[2] - box[0] + 1;
            int w = box[3] - box[1] + 1;
            // the target area is 2-40 % of 784 pixels; rounding each side moves it by at most half a side
            assertTrue(h * w >= 0.02 * H * W - (h + w) / 2.0 - 1 && h * w <= 0.40 * H * W + (h + w) / 2.0 + 1,
                    "area " + h + "x" + w);
            assertTrue(h < H && w < W, "rectangle " + h + "x" + w + " must fit inside the image");
            assertTrue((double) h / w >= 0.3 * 0.5 && (double) h / w <= 2 / 0.3, "aspect " + h + "/" + w);
            assertArrayEquals(box, changedBox(batch, i, 1), "both channels erase the same rectangle");
            for (int c = 0; c < C; c++) {
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        float v = batch[((i * C + c) * H + y) * W + x];
                        boolean inside = y >= box[0] && y <= box[2] && x >= box[1] && x <= box[3];
                        assertTrue(inside ? v >= 0 && v < 1 : v == MARK, "pixel " + c + "," + y + "," + x);
                    }
                }
            }
        }
        // each draw fits with probability > 1/2, and 10 attempts are made
        assertTrue(erased >= images - 2, erased + " of " + images + " erased");
    }

    @Test
    void erasingHitsTheRecipeFractionOfImages() {
        int images = 4000;
        float[] batch = marked(images);
        new Augmentation(C, H, W, 0, false, 0.5f).apply(batch, images, new SplittableRandom(11));
        int erased = 0;
        for (int i = 0; i < images; i++) {
            erased += changedBox(batch, i, 0) == null ? 0 : 1;
        }
        assertEquals(0.5, (double) erased / images, 0.03);
    }

    @Test
    void disabledTransformsDrawNoRandomNumbersAndChangeNothing() {
        float[] batch = marked(5);
        float[] before = batch.clone();
        SplittableRandom used = new SplittableRandom(3);
        new Augmentation(C, H, W, 0, false, 0f).apply(batch, 5, used);
        assertArrayEquals(before, batch);
        assertEquals(new SplittableRandom(3).nextLong(), used.nextLong());
    }

    @Test
    void theSameSeedGivesTheSameBatch() {
        float[] a = marked(50);
        float[] b = marked(50);
        new Augmentation(C, H, W, 2, true, 0.5f).apply(a, 50, new SplittableRandom(5));
        new Augmentation(C, H, W, 2, true, 0.5f).apply(b, 50, new SplittableRandom(5));
        assertArrayEquals(a, b);
    }

    private static float[] marked(int images) {
        float[] batch = new float[images * C * H * W];
        Arrays.fill(batch, MARK);
        return batch;
    }

    /** {top, left, bottom, right} of the pixels of one image's channel that no longer hold the mark, or null. */
    private static int[] changedBox(float[] batch, int image, int channel) {
        int top = H;
        int left = W;
        int bottom = -1;
        int right = -1;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (batch[((image * C + channel) * H + y) * W + x] != MARK) {
                    top = Math.min(top, y);
                    left = Math.min(left, x);
                    bottom = Math.max(bottom, y);
                    right = Math.max(right, x);
                }
            }
        }
        return bottom < 0 ? null : new int[] {top, left, bottom, right};
    }
}
