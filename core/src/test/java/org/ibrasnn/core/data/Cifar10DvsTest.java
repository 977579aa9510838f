package org.ibrasnn.core.data;

import static org.ibrasnn.core.data.DatasetFixtures.aedat;
import static org.ibrasnn.core.data.DatasetFixtures.dvsAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibrasnn.core.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR10-DVS class folders: split, order, framing on the 128x128 sensor, and broken folders and files. */
class Cifar10DvsTest {

    private static final LoadOptions T2_POOL4 = new LoadOptions(2, EventFrames.Split.COUNT, 4, 32);

    @TempDir
    Path dir;

    @Test
    void firstNineTenthsOfEveryClassTrainInterleavedByClass() throws IOException {
        DatasetFixtures.writeCifar10Dvs(dir, 11);
        Splits s = Datasets.load("cifar10-dvs", dir, T2_POOL4);
        assertEquals(new Shape(4, 32, 32), s.train().shape());
        assertEquals(90, s.train().size(), "11 * 9 / 10 = 9 per class");
        assertEquals(20, s.test().size());
        assertEquals(CifarClasses.CIFAR10, s.classNames());
        for (int i = 0; i < 20; i++) {
            assertEquals(i % 10, s.train().label(i), "classes interleave");
            assertEquals(i % 10, s.test().label(i));
        }
        // Train item 13 is recording 1 of class 3: 21 events in row 12, columns 0..20, alternately ON and OFF.
        // Events turn into x = 127 - row = 115, y = 127 - column; pooled by 4: x 28, y 31 - column / 4.
        // Count split, T = 2: frame 0 holds events 0..9 (columns 0..9), frame 1 events 10..20.
        int plane = 32 * 32;
        int on0 = 0;
        int off1 = 0;
        for (int y = 0; y < 32; y++) {
            on0 += s.train().pixel(13, plane + y * 32 + 28);
            off1 += s.train().pixel(13, 2 * plane + y * 32 + 28);
        }
        assertEquals(5, on0, "events 0, 2, .., 8 are ON");
        assertEquals(5, off1, "events 11, 13, .., 19 are OFF");
        assertEquals(2, s.train().pixel(13, plane + 30 * 32 + 28), "ON events at columns 4 and 6 (y 123, 121)");
        // Test item 0 is recording 9 of class 0 (natural order: _9 before _10).
        assertEquals(29, sumOf(s.test(), 0), "20 + 9 events");
        assertEquals(30, sumOf(s.test(), 10), "recording 10 of class 0");
    }

    @Test
    void poolMustDivideTheSensor() throws IOException {
        DatasetFixtures.writeCifar10Dvs(dir, 2);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("cifar10-dvs", dir, new LoadOptions(1, EventFrames.Split.TIME, 3, 32)));
        assertTrue(e.getMessage().contains("must divide the sensor size 128x128"), e.getMessage());
    }

    @Test
    void brokenFoldersAndFilesAreNamed() throws IOException {
        DatasetFixtures.writeCifar10Dvs(dir, 2);
        Path header = Files.write(dir.resolve("cat").resolve("cifar10_cat_0.aedat"),
                aedat("#!AER-DAT3.1", dvsAddress(1, 1, true), 5));
        fails(header, "AEDAT version 3.1 is not supported");
        Files.write(header, aedat("#!AER-DAT2.0", dvsAddress(1, 1, true), 5));

        Path notes = Files.writeString(dir.resolve("dog").resolve("notes.txt"), "x");
        fails(notes, "not a recording");
        Files.delete(notes);

        Path stray = Files.createDirectories(dir.resolve("zebra"));
        Files.write(stray.resolve("z.aedat"), aedat("#!AER-DAT2.0"));
        fails(stray, "not a CIFAR10-DVS class folder");
        Files.delete(stray.resolve("z.aedat"));
        Files.delete(stray);

        Path ship = dir.resolve("ship");
        Files.delete(ship.resolve("cifar10_ship_1.aedat"));
        fails(ship, "holds 1 recording");
        Files.delete(ship.resolve("cifar10_ship_0.aedat"));
        fails(ship, "class folder is empty");
        Files.delete(ship);
        fails(ship, "class folder missing");
    }

    private void fails(Path named, String fault) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Cifar10Dvs.load(dir, T2_POOL4));
        assertTrue(e.getMessage().startsWith(named.toString()) && e.getMessage().contains(fault), e.getMessage());
    }

    private static int sumOf(ImageDataset set, int item) {
        int sum = 0;
        for (int p = 0; p < set.shape().size(); p++) {
            sum += set.pixel(item, p);
        }
        return sum;
    }
}
