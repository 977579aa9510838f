package org.ibrasnn.core.data;

import static org.ibrasnn.core.data.DatasetFixtures.aedat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event readers on generated files (good and broken) and the framing transform on hand-worked streams. */
class EventFilesTest {

    @TempDir
    Path dir;

    @Test
    void nmnistEventsDecodeAsTheFormatSays() throws IOException {
        // x=3, y=5, ON, t=0x012345 -> bytes 03 05 81 23 45; x=33, y=0, OFF, t=7 -> 21 00 00 00 07.
        Path f = Files.write(dir.resolve("a.bin"), new byte[] {3, 5, (byte) 0x81, 0x23, 0x45, 33, 0, 0, 0, 7});
        EventStream e = NMnistEvents.read(f, NMnistEvents.SIZE, NMnistEvents.SIZE);
        assertEquals(2, e.size());
        assertEquals(3, e.x(0));
        assertEquals(5, e.y(0));
        assertTrue(e.on(0));
        assertEquals(0x12345, e.t(0));
        assertEquals(33, e.x(1));
        assertEquals(false, e.on(1));
        assertEquals(7, e.t(1));
    }

    @Test
    void nmnistRoundTripsRandomStreams() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        for (int k = 0; k < 20; k++) {
            EventStream.Builder b = new EventStream.Builder(34, 34);
            long t = 0;
            for (int i = r.nextInt(200); i > 0; i--) {
                t += r.nextInt(5000);
                b.add(r.nextInt(34), r.nextInt(34), r.nextBoolean(), Math.min(t, NMnistEvents.MAX_TIMESTAMP));
            }
            EventStream e = b.build();
            Path f = dir.resolve("r" + k + ".bin");
            NMnistEvents.write(f, e);
            assertEquals(5L * e.size(), Files.size(f));
            assertEquals(e, NMnistEvents.read(f, 34, 34));
        }
    }

    @Test
    void brokenNmnistFilesAreNamed() throws IOException {
        Path truncated = Files.write(dir.resolve("t.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7});
        fault(() -> NMnistEvents.read(truncated, 34, 34), truncated, "truncated: 7 bytes");
        Path outside = Files.write(dir.resolve("o.bin"), new byte[] {1, 2, 0, 0, 0, 34, 2, 0, 0, 1});
        fault(() -> NMnistEvents.read(outside, 34, 34), outside, "event 1 at byte 5: pixel (34, 2) is outside the 34x34");
        fault(() -> NMnistEvents.read(dir.resolve("none.bin"), 34, 34), dir.resolve("none.bin"), "file not found");
        EventStream late = new EventStream.Builder(34, 34).add(0, 0, true, NMnistEvents.MAX_TIMESTAMP + 1).build();
        var e = assertThrows(IllegalArgumentException.class, () -> NMnistEvents.write(dir.resolve("late.bin"), late));
        assertTrue(e.getMessage().contains("8388608 us"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("late.bin")), "nothing written");
    }

    @Test
    void aedat2DecodesDvs128Addresses() throws IOException {
        // column 5, row 10, polarity bit 1 (OFF): address (10 << 8) | (5 << 1) | 1 = 0x0A0B, at 1000 us;
        // column 127, row 0, ON: (127 << 1) = 0xFE at 0xFFFFFFFF us (unsigned).
        Path f = Files.write(dir.resolve("c.aedat"), aedat("#!AER-DAT2.0", 0x0A0B, 1000, 0xFE, 0xFFFFFFFF));
        EventStream e = Aedat2Events.read(f);
        assertEquals(2, e.size());
        assertEquals(127 - 10, e.x(0));
        assertEquals(127 - 5, e.y(0));
        assertEquals(false, e.on(0));
        assertEquals(1000, e.t(0));
        assertEquals(127, e.x(1));
        assertEquals(0, e.y(1));
        assertTrue(e.on(1));
        assertEquals(0xFFFFFFFFL, e.t(1));
    }

    @Test
    void brokenAedatFilesAreNamed() throws IOException {
        Path v3 = Files.write(dir.resolve("v3.aedat"), aedat("#!AER-DAT3.1", 0, 0));
        fault(() -> Aedat2Events.read(v3), v3, "AEDAT version 3.1 is not supported");
        Path bare = Files.write(dir.resolve("bare.aedat"), new byte[] {0, 0, 0, 1, 0, 0, 0, 2});
        fault(() -> Aedat2Events.read(bare), bare, "no '#!AER-DAT2.0' header line");
        byte[] good = aedat("#!AER-DAT2.0", 2, 3);
        Path cut = Files.write(dir.resolve("cut.aedat"), java.util.Arrays.copyOf(good, good.length - 3));
        fault(() -> Aedat2Events.read(cut), cut, "truncated: 5 bytes of events");
        Path other = Files.write(dir.resolve("other.aedat"), "#%!PDF\n".getBytes(StandardCharsets.US_ASCII));
        fault(() -> Aedat2Events.read(other), other, "not an AEDAT file");
    }

    @Test
    void framesSplitByCountAndTimeAndPool() {
        // 4x4 sensor; 5 events at t = 0, 10, 20, 30, 100.
        EventStream e = new EventStream.Builder(4, 4).add(0, 0, true, 0).add(1, 0, false, 10).add(3, 3, true, 20)
                .add(2, 1, true, 30).add(0, 0, true, 100).build();
        // By count, T = 2: 5 / 2 = 2 events per frame, the last frame takes the remaining 3.
        float[] count = EventFrames.of(e, 2, EventFrames.Split.COUNT, 1);
        assertEquals(1, count[(0 * 2 + 1) * 16]);            // frame 0, ON, (0,0)
        assertEquals(1, count[(0 * 2) * 16 + 1]);            // frame 0, OFF, (1,0)
        assertEquals(1, count[(1 * 2 + 1) * 16 + 3 * 4 + 3]); // frame 1, ON, (3,3)
        assertEquals(1, count[(1 * 2 + 1) * 16 + 4 + 2]);    // frame 1, ON, (2,1)
        assertEquals(1, count[(1 * 2 + 1) * 16]);            // frame 1, ON, (0,0) at t = 100
        // By time, T = 2: span 50 us; t < 50 -> frame 0, t = 100 -> frame 1.
        float[] time = EventFrames.of(e, 2, EventFrames.Split.TIME, 1);
        assertEquals(1, time[(0 * 2 + 1) * 16 + 3 * 4 + 3]);
        assertEquals(1, time[(1 * 2 + 1) * 16]);
        assertEquals(4, sum(time, 0, 32));
        // Pooling 2: a 2x2 map per channel; ON events of frame 0 (count split) all land in block (0,0).
        float[] pooled = EventFrames.of(e, 1, EventFrames.Split.COUNT, 2);
        assertArrayEquals(new float[] {1, 0, 0, 0, 2, 1, 0, 1}, pooled);
        var bad = assertThrows(IllegalArgumentException.class, () -> EventFrames.of(e, 2, EventFrames.Split.TIME, 3));
        assertTrue(bad.getMessage().contains("must divide"), bad.getMessage());
    }

    @Test
    void framesKeepEveryEvent() {
        SplittableRandom r = new SplittableRandom(11);
        for (int k = 0; k < 50; k++) {
            EventStream.Builder b = new EventStream.Builder(8, 8);
            long t = 0;
            int n = r.nextInt(300);
            for (int i = 0; i < n; i++) {
                t += r.nextInt(100);
                b.add(r.nextInt(8), r.nextInt(8), r.nextBoolean(), t);
            }
            EventStream e = b.build();
            for (EventFrames.Split split : EventFrames.Split.values()) {
                int frames = 1 + r.nextInt(12);
                float[] f = EventFrames.of(e, frames, split, 1 << r.nextInt(3));
                assertEquals(n, sum(f, 0, f.length), split + " T=" + frames);
            }
        }
    }

    private static float sum(float[] v, int from, int to) {
        float s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s;
    }

    private interface Read {
        Object run() throws IOException;
    }

    private static void fault(Read read, Path file, String words) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, read::run);
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(words), e.getMessage());
    }
}
