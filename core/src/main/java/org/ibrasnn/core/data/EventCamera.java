package org.ibrasnn.core.data;

/**
 * Simulates how N-MNIST was recorded: a still image on a sensor that makes three quick saccades tracing a
 * triangle, each {@link #SACCADE_MICROS} long. The image (values 0..255) sits in the middle of a sensor
 * {@link #MARGIN} pixels wider on every side. Every millisecond the camera's offset moves along the path,
 * the scene is resampled bilinearly, and every pixel whose log intensity has moved by at least the contrast
 * threshold from its reference level emits one event per threshold crossed (ON when brighter, OFF when
 * darker), stepping its reference level each time. Deterministic: no noise is added.
 */
public final class EventCamera {

    /** Sensor border around the image, in pixels (N-MNIST: 28x28 digits on a 34x34 sensor). */
    public static final int MARGIN = 3;
    /** Duration of one saccade, in microseconds. */
    public static final long SACCADE_MICROS = 100_000;
    /** Time between two samples of the scene, in microseconds. */
    public static final long STEP_MICROS = 1_000;
    /** Corners of the saccade triangle, camera offsets in pixels; the path returns to its start. */
    private static final double[][] CORNERS = {{0, 0}, {1.5, 2.5}, {3, 0}, {0, 0}};
    /** Added to intensities in [0, 1] before taking the logarithm, so black has a finite log. */
    private static final double DARK = 0.1;

    private final double threshold;

    /** A camera with the given contrast threshold on the natural log of intensity (e.g. 0.2). */
    public EventCamera(double threshold) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("contrast threshold must be positive, got " + threshold);
        }
        this.threshold = threshold;
    }

    /** The contrast threshold on the natural log of intensity. */
    public double threshold() {
        return threshold;
    }

    /** Events of one grayscale image given row-major as {@code height x width} values in 0..255. */
    public EventStream record(int[] pixels, int width, int height) {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("image has " + pixels.length + " pixels, not " + width + "x" + height);
        }
        int w = width + 2 * MARGIN;
        int h = height + 2 * MARGIN;
        EventStream.Builder events = new EventStream.Builder(w, h);
        // Each pixel's reference level is base + level * threshold, kept as an integer count of thresholds so
        // that returning to the starting intensity returns exactly to the starting level.
        double[] base = sample(pixels, width, height, 0, 0);
        int[] level = new int[base.length];
        long steps = SACCADE_MICROS / STEP_MICROS;
        for (int s = 0; s < CORNERS.length - 1; s++) {
            for (long k = 1; k <= steps; k++) {
                double f = (double) k / steps;
                double dx = CORNERS[s][0] + f * (CORNERS[s + 1][0] - CORNERS[s][0]);
                double dy = CORNERS[s][1] + f * (CORNERS[s + 1][1] - CORNERS[s][1]);
                long t = s * SACCADE_MICROS + k * STEP_MICROS;
                double[] now = sample(pixels, width, height, dx, dy);
                for (int p = 0; p < now.length; p++) {
                    double change = (now[p] - base[p]) / threshold;
                    while (change - level[p] >= 1) {
                        level[p]++;
                        events.add(p % w, p / w, true, t);
                    }
                    while (level[p] - change >= 1) {
                        level[p]--;
                        events.add(p % w, p / w, false, t);
                    }
                }
            }
        }
        return events.build();
    }

    /** Log intensity seen by every sensor pixel when the camera is offset by {@code (dx, dy)}. */
    private static double[] sample(int[] pixels, int width, int height, double dx, double dy) {
        int w = width + 2 * MARGIN;
        int h = height + 2 * MARGIN;
        double[] out = new double[w * h];
        for (int sy = 0; sy < h; sy++) {
            for (int sx = 0; sx < w; sx++) {
                double x = sx - MARGIN - dx;
                double y = sy - MARGIN - dy;
                int x0 = (int) Math.floor(x);
                int y0 = (int) Math.floor(y);
                double fx = x - x0;
                double fy = y - y0;
                double v = (1 - fx) * (1 - fy) * pixel(pixels, width, height, x0, y0)
                        + fx * (1 - fy) * pixel(pixels, width, height, x0 + 1, y0)
                        + (1 - fx) * fy * pixel(pixels, width, height, x0, y0 + 1)
                        + fx * fy * pixel(pixels, width, height, x0 + 1, y0 + 1);
                out[sy * w + sx] = Math.log(DARK + v / 255.0);
            }
        }
        return out;
    }

    private static int pixel(int[] pixels, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : pixels[y * width + x];
    }
}
