package org.ibrasnn.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plausibility of the simulated saccade recordings: where events happen, their balance and timing. */
class EventCameraTest {

    @TempDir
    Path dir;

    private static final EventCamera CAMERA = new EventCamera(0.2);

    /** A 28x28 image with a filled 10x10 square (value 200) at rows and columns 9..18. */
    private static int[] square() {
        int[] img = new int[28 * 28];
        for (int y = 9; y <= 18; y++) {
            for (int x = 9; x <= 18; x++) {
                img[y * 28 + x] = 200;
            }
        }
        return img;
    }

    @Test
    void aBlankSceneIsSilent() {
        assertEquals(0, CAMERA.record(new int[28 * 28], 28, 28).size());
        int[] grey = new int[28 * 28];
        java.util.Arrays.fill(grey, 128);
        // A uniform scene only changes near the image border, where it meets the black margin: a sensor
        // pixel sees image columns x - 3 .. x over the path, all inside the image for x in 3..27.
        EventStream e = CAMERA.record(grey, 28, 28);
        for (int i = 0; i < e.size(); i++) {
            int x = e.x(i) - EventCamera.MARGIN;
            int y = e.y(i) - EventCamera.MARGIN;
            assertTrue(x < 3 || y < 3 || x > 27 || y > 27, "event inside a uniform area at " + x + "," + y);
        }
    }

    @Test
    void eventsOnlyWhereEdgesPass() {
        EventStream e = CAMERA.record(square(), 28, 28);
        assertTrue(e.size() > 100, "a moving square must fire, got " + e.size());
        for (int i = 0; i < e.size(); i++) {
            // The square covers sensor columns/rows 12 + d .. 21 + d for camera offsets d in [0, 3]: pixels
            // 16..20 stay inside it, pixels below 11 or above 25 stay outside; neither may fire.
            int x = e.x(i);
            int y = e.y(i);
            boolean interior = x >= 16 && x <= 20 && y >= 16 && y <= 20;
            boolean far = x < 11 || y < 11 || x > 25 || y > 25;
            assertTrue(!interior && !far, "event at (" + x + ", " + y + ") away from every edge");
        }
    }

    @Test
    void aClosedSaccadeLoopBalancesPolarityPerPixel() {
        SplittableRandom r = new SplittableRandom(3);
        int[] img = new int[28 * 28];
        for (int i = 0; i < img.length; i++) {
            img[i] = r.nextInt(256);
        }
        EventStream e = CAMERA.record(img, 28, 28);
        int[] net = new int[34 * 34];
        int on = 0;
        for (int i = 0; i < e.size(); i++) {
            net[e.y(i) * 34 + e.x(i)] += e.on(i) ? 1 : -1;
            on += e.on(i) ? 1 : 0;
        }
        // The path ends where it started, so every pixel's log intensity returns to its start and the
        // reference level, moved one threshold per event, must too: ON and OFF counts match per pixel.
        for (int p = 0; p < net.length; p++) {
            assertEquals(0, net[p], "pixel " + p);
        }
        assertEquals(e.size(), 2 * on);
    }

    @Test
    void everySaccadeFiresAndTimestampsStayInTheirSaccade() {
        EventStream e = CAMERA.record(square(), 28, 28);
        int[] perSaccade = new int[3];
        long previous = 0;
        for (int i = 0; i < e.size(); i++) {
            long t = e.t(i);
            assertTrue(t > 0 && t <= 3 * EventCamera.SACCADE_MICROS && t >= previous, "timestamp " + t);
            previous = t;
            perSaccade[(int) ((t - 1) / EventCamera.SACCADE_MICROS)]++;
        }
        double mean = e.size() / 3.0;
        for (int count : perSaccade) {
            assertTrue(count > 0.3 * mean && count < 3 * mean, java.util.Arrays.toString(perSaccade));
        }
    }

    @Test
    void higherThresholdsFireLessAndFilesRoundTrip() throws Exception {
        EventStream fine = new EventCamera(0.1).record(square(), 28, 28);
        EventStream coarse = new EventCamera(0.4).record(square(), 28, 28);
        assertTrue(fine.size() > coarse.size(), fine.size() + " vs " + coarse.size());
        Path f = dir.resolve("square.bin");
        NMnistEvents.write(f, fine);
        assertEquals(fine, NMnistEvents.read(f, NMnistEvents.SIZE, NMnistEvents.SIZE));
        assertThrows(IllegalArgumentException.class, () -> new EventCamera(0));
        assertThrows(IllegalArgumentException.class, () -> CAMERA.record(new int[10], 28, 28));
    }
}
