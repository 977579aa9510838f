package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ibrasnn.core.task.detection.GroundTruthBox;
import org.ibrasnn.djl.task.ImageShift;
import org.junit.jupiter.api.Test;

/**
 * Boxes move with their image: for seeded random rectangles painted into images, the box {@link ImageShift#apply}
 * gives after {@link Augmentation}'s shifts and flips is exactly the tight box of the painted pixels that remain
 * (when enough of them remain to keep it), so the detector's targets stay on the garments.
 */
class ImageShiftPropertyTest {

    private static final int H = 20;
    private static final int W = 24;

    @Test
    void aShiftedOrMirroredBoxIsTheTightBoxOfItsMovedPixels() {
        SplittableRandom random = new SplittableRandom(42);
        int images = 400;
        float[] batch = new float[images * H * W];
        int[][] rects = new int[images][];
        for (int i = 0; i < images; i++) {
            int w = 1 + random.nextInt(W - 1), h = 1 + random.nextInt(H - 1);
            int x = random.nextInt(W - w + 1), y = random.nextInt(H - h + 1);
            rects[i] = new int[] {x, y, w, h};
            for (int r = y; r < y + h; r++) {
                for (int c = x; c < x + w; c++) {
                    batch[i * H * W + r * W + c] = 1f;
                }
            }
        }
        List<ImageShift> shifts = new Augmentation(1, H, W, 6, true, 0f).apply(batch, images, new SplittableRandom(3));
        assertEquals(images, shifts.size());
        int kept = 0, moved = 0, mirrored = 0;
        for (int i = 0; i < images; i++) {
            int[] r = rects[i];
            GroundTruthBox box = GroundTruthBox.of(i, 0, r[0], r[1], r[2], r[3]);
            Optional<GroundTruthBox> out = shifts.get(i).apply(box, H, W);
            int x0 = W, y0 = H, x1 = -1, y1 = -1, count = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (batch[i * H * W + y * W + x] > 0) {
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x + 1);
                        y1 = Math.max(y1, y + 1);
                        count++;
                    }
                }
            }
            moved += shifts.get(i).dx() != 0 || shifts.get(i).dy() != 0 ? 1 : 0;
            mirrored += shifts.get(i).mirror() ? 1 : 0;
            boolean enough = x1 - x0 >= 2 && y1 - y0 >= 2 && count >= 0.25 * r[2] * r[3];
            assertEquals(enough, out.isPresent(), "image " + i + " " + shifts.get(i));
            if (out.isPresent()) {
                kept++;
                GroundTruthBox b = out.get();
                assertEquals(List.of((double) x0, (double) y0, (double) (x1 - x0), (double) (y1 - y0)),
                        List.of(b.x(), b.y(), b.w(), b.h()), "image " + i + " " + shifts.get(i));
                assertEquals((double) count, b.area(), 1e-9, "the area scales with the visible part");
            }
        }
        assertTrue(kept > images / 2 && kept < images && moved > images / 2 && mirrored > images / 3,
                "the draws exercise shifts, flips and drops: " + kept + " kept, " + moved + " moved, " + mirrored
                        + " mirrored");
    }

    @Test
    void noneLeavesABoxAsItWas() {
        GroundTruthBox box = new GroundTruthBox(3, 2, 1.5, 2.5, 4, 5, 17, true);
        assertEquals(Optional.of(box), ImageShift.NONE.apply(box, H, W));
    }
}
