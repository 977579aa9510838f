package org.ibrasnn.core.data;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Composes synthetic detection scenes from a classification set's 1-channel images, deterministically: scene
 * {@code index} of a split depends only on the seed, the split's salt and the index. A scene draws its garment count
 * uniformly from [1, maxObjects]; each garment is a uniformly drawn source image scaled to a uniform integer side in
 * [minSide, maxSide] by {@link SquareCrop}'s triangle filter (area-weighted when shrinking, bilinear when
 * enlarging; pure Java arithmetic), its box tightened to its non-zero pixels, then placed at a uniform position
 * fully inside the canvas whose box has IoU below maxIou with every box already placed; after
 * {@link #PLACEMENT_TRIES} refused positions (or a blank garment) no more garments are added. Garments combine by
 * pixel-wise maximum on a black canvas.
 */
public final class SceneGenerator {

    /** Positions tried for one garment before the scene stops growing. */
    public static final int PLACEMENT_TRIES = 100;

    /** One placed garment: its source image, label, side, top-left corner, and tight box in canvas pixels. */
    public record Garment(int source, int label, int side, int x, int y, int boxX, int boxY, int boxWidth,
                          int boxHeight) {}

    /** One scene: {@code canvas x canvas} grey pixels, row-major, and its garments in placement order. */
    public record Scene(byte[] pixels, List<Garment> garments) {}

    private final ImageDataset source;
    private final int sources;
    private final SceneSettings settings;

    /** Scenes of the first {@code sources} images of {@code source} (which has one channel). */
    public SceneGenerator(ImageDataset source, int sources, SceneSettings settings) {
        if (source.shape().channels() != 1 || sources < 1 || sources > source.size()) {
            throw new IllegalArgumentException(source.name() + ": scenes need 1-channel images and 1 to "
                    + source.size() + " of them, got " + source.shape() + " and " + sources);
        }
        this.source = source;
        this.sources = sources;
        this.settings = settings;
    }

    /** The side of the square canvas. */
    public int canvas() {
        return settings.canvas();
    }

    /** Scene {@code index} of the split whose seeds are salted with {@code salt}. */
    public Scene scene(long salt, int index) {
        SplittableRandom random = new SplittableRandom(mix(mix(settings.seed()) ^ (mix(salt) + index)));
        int canvas = settings.canvas();
        byte[] pixels = new byte[canvas * canvas];
        List<Garment> placed = new ArrayList<>();
        int wanted = 1 + random.nextInt(settings.maxObjects());
        while (placed.size() < wanted) {
            int image = random.nextInt(sources);
            int side = settings.minSide() + random.nextInt(settings.maxSide() - settings.minSide() + 1);
            byte[] garment = resize(source, image, side);
            int[] tight = tightBox(garment, side);
            Garment g = tight == null ? null : place(random, image, side, tight, placed);
            if (g == null) {
                break;
            }
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int at = (g.y() + y) * canvas + g.x() + x;
                    pixels[at] = (byte) Math.max(pixels[at] & 0xFF, garment[y * side + x] & 0xFF);
                }
            }
            placed.add(g);
        }
        return new Scene(pixels, List.copyOf(placed));
    }

    private Garment place(SplittableRandom random, int image, int side, int[] tight, List<Garment> placed) {
        for (int t = 0; t < PLACEMENT_TRIES; t++) {
            int x = random.nextInt(settings.canvas() - side + 1);
            int y = random.nextInt(settings.canvas() - side + 1);
            Garment g = new Garment(image, source.label(image), side, x, y, x + tight[0], y + tight[1], tight[2],
                    tight[3]);
            if (placed.stream().allMatch(p -> iou(p, g) < settings.maxIou())) {
                return g;
            }
        }
        return null;
    }

    /** Image {@code index} of {@code source} scaled to {@code side x side} grey bytes. */
    static byte[] resize(ImageDataset source, int index, int side) {
        int w = source.shape().width();
        int h = source.shape().height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < w * h; p++) {
            int v = source.pixel(index, p);
            image.setRGB(p % w, p / w, v << 16 | v << 8 | v);
        }
        byte[] rgb = new byte[3 * side * side];
        SquareCrop.writeRgb(image, side, rgb, 0);
        return java.util.Arrays.copyOf(rgb, side * side);
    }

    /** {x, y, w, h} of the non-zero pixels of a {@code side x side} garment, or null when it has none. */
    static int[] tightBox(byte[] garment, int side) {
        int x0 = side;
        int y0 = side;
        int x1 = -1;
        int y1 = -1;
        for (int p = 0; p < garment.length; p++) {
            if (garment[p] != 0) {
                x0 = Math.min(x0, p % side);
                x1 = Math.max(x1, p % side);
                y0 = Math.min(y0, p / side);
                y1 = Math.max(y1, p / side);
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    /** Intersection over union of two garments' tight boxes. */
    public static double iou(Garment a, Garment b) {
        long iw = Math.max(0, Math.min(a.boxX() + a.boxWidth(), b.boxX() + b.boxWidth())
                - Math.max(a.boxX(), b.boxX()));
        long ih = Math.max(0, Math.min(a.boxY() + a.boxHeight(), b.boxY() + b.boxHeight())
                - Math.max(a.boxY(), b.boxY()));
        long inter = iw * ih;
        return (double) inter / ((long) a.boxWidth() * a.boxHeight() + (long) b.boxWidth() * b.boxHeight() - inter);
    }

    /** A 64-bit finaliser (MurmurHash3's fmix64), so that nearby seeds and indices give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
