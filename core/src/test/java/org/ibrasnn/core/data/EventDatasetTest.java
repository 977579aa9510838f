package org.ibrasnn.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibrasnn.core.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event recordings read into frame-channel image sets, and the faults of a broken directory. */
class EventDatasetTest {

    private static final LoadOptions TIME_2 = new LoadOptions(2, EventFrames.Split.TIME, 1, 1);

    @TempDir
    Path dir;

    private void recording(String split, int label, String name, int x, int events) throws IOException {
        EventStream.Builder b = new EventStream.Builder(34, 34);
        for (int i = 0; i < events; i++) {
            b.add(x, 7, i % 2 == 0, 1000L * i);
        }
        Path f = dir.resolve(split).resolve(Integer.toString(label)).resolve(name);
        Files.createDirectories(f.getParent());
        NMnistEvents.write(f, b.build());
    }

    @Test
    void framesBecomeChannelsInSourceOrder() throws IOException {
        recording("train", 1, "00000.bin", 4, 4);
        recording("train", 0, "00001.bin", 5, 300);
        recording("test", 2, "00000.bin", 6, 2);
        Splits s = EventDataset.load(dir, FashionMnist.CLASS_NAMES,
                new LoadOptions(2, EventFrames.Split.COUNT, 2, 1));
        assertEquals(new Shape(4, 17, 17), s.train().shape());
        assertEquals(2, s.train().size());
        assertEquals(1, s.train().label(0), "ordered by file name, not by label folder");
        assertEquals(0, s.train().label(1));
        // Recording 0: 4 events at pixel (4, 7) -> pooled (2, 3); frame 0 holds events 0 (ON) and 1 (OFF).
        int plane = 17 * 17;
        int at = 3 * 17 + 2;
        assertEquals(1, s.train().pixel(0, at));           // frame 0, OFF
        assertEquals(1, s.train().pixel(0, plane + at));   // frame 0, ON
        assertEquals(1, s.train().pixel(0, 3 * plane + at)); // frame 1, ON
        // Recording 1: 300 events, 150 per frame, 75 per polarity at one pooled pixel.
        assertEquals(75, s.train().pixel(1, 2 * plane + 3 * 17 + 2));
        assertEquals(64, s.checksum().length());
    }

    @Test
    void brokenDirectoriesAreNamed() throws IOException {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> EventDataset.load(dir, FashionMnist.CLASS_NAMES, TIME_2));
        assertTrue(e.getMessage().contains("train") && e.getMessage().contains("missing"), e.getMessage());
        recording("train", 3, "00000.bin", 1, 3);
        recording("test", 3, "00000.bin", 1, 3);
        Files.writeString(dir.resolve("test").resolve("3").resolve("notes.txt"), "hi");
        e = assertThrows(DatasetFormatException.class, () -> EventDataset.load(dir, FashionMnist.CLASS_NAMES, TIME_2));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("not a recording"), e.getMessage());
        Files.delete(dir.resolve("test").resolve("3").resolve("notes.txt"));
        Files.createDirectories(dir.resolve("test").resolve("12"));
        e = assertThrows(DatasetFormatException.class, () -> EventDataset.load(dir, FashionMnist.CLASS_NAMES, TIME_2));
        assertTrue(e.getMessage().contains("12") && e.getMessage().contains("not a label folder"), e.getMessage());
        Files.delete(dir.resolve("test").resolve("12"));
        Files.write(dir.resolve("test").resolve("3").resolve("00000.bin"), new byte[] {1, 2, 3});
        e = assertThrows(DatasetFormatException.class, () -> EventDataset.load(dir, FashionMnist.CLASS_NAMES, TIME_2));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
