package org.ibrasnn.core.data;

import static org.ibrasnn.core.data.IdxFixtures.gzip;
import static org.ibrasnn.core.data.IdxFixtures.images;
import static org.ibrasnn.core.data.IdxFixtures.labels;
import static org.ibrasnn.core.data.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.ibrasnn.core.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX reading: exact round trips, and one broken fixture per fault with a message naming file and fault. */
class IdxReaderTest {

    @TempDir
    Path dir;

    private static final int L = IdxReader.LABEL_MAGIC;

    private void fails(Path images, Path labels, Path named, String... fault) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.read("t", images, labels, 10));
        assertTrue(e.getMessage().contains(named.toString()), e.getMessage());
        for (String f : fault) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention " + f);
        }
    }

    @Test
    void readsPlainAndGzipExactly() throws IOException {
        byte[] img = images(3, 2, 4);
        Path plain = write(dir, "img", img);
        Path gz = write(dir, "img.gz", gzip(img));
        Path lab = write(dir, "lab", labels(L, 7, 0, 9));
        for (Path p : new Path[] {plain, gz}) {
            ImageDataset d = IdxReader.read("t", p, lab, 10);
            assertEquals(new Shape(1, 2, 4), d.shape());
            assertEquals(3, d.size());
            assertEquals(7, d.label(0));
            assertEquals(9, d.label(2));
            float[] buffer = new float[16];
            d.copyImages(new int[] {2, 0}, buffer);
            // image 2 starts at pixel byte 16; fixture byte i is (byte) (i * 37)
            assertEquals(((16 * 37) & 0xFF) / 255f, buffer[0], 0f);
            assertEquals(0f, buffer[8], 0f);
            assertEquals((37 & 0xFF) / 255f, buffer[9], 0f);
            assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 1}, d.classCounts());
        }
    }

    @Test
    void wrongMagicNumbers() throws IOException {
        Path lab = write(dir, "lab", labels(L, 1, 2));
        Path img = write(dir, "img", images(2, 2, 2));
        fails(write(dir, "bad-img", images(0x00000801, 2, 2, 2, 8)), lab, dir.resolve("bad-img"), "magic", "0x00000801");
        fails(img, write(dir, "bad-lab", labels(0x00000803, 1, 2)), dir.resolve("bad-lab"), "magic", "0x00000803");
    }

    @Test
    void truncatedHeaders() throws IOException {
        Path lab = write(dir, "lab", labels(L, 1));
        fails(write(dir, "img", Arrays.copyOf(images(1, 2, 2), 10)), lab, dir.resolve("img"), "truncated header");
        fails(write(dir, "img2", images(1, 2, 2)), write(dir, "lab2", new byte[] {0, 0, 8}), dir.resolve("lab2"),
                "truncated header");
    }

    @Test
    void tooShortAndTooLong() throws IOException {
        Path lab = write(dir, "lab", labels(L, 1, 2));
        fails(write(dir, "short", images(IdxReader.IMAGE_MAGIC, 2, 2, 2, 7)), lab, dir.resolve("short"), "too short");
        fails(write(dir, "long", images(IdxReader.IMAGE_MAGIC, 2, 2, 2, 9)), lab, dir.resolve("long"), "too long",
                "1 trailing");
        Path img = write(dir, "img", images(2, 2, 2));
        byte[] longLabels = Arrays.copyOf(labels(L, 1, 2), 11);
        fails(img, write(dir, "lab-long", longLabels), dir.resolve("lab-long"), "too long");
    }

    @Test
    void absurdDimensions() throws IOException {
        Path lab = write(dir, "lab", labels(L, 1));
        fails(write(dir, "zero", images(IdxReader.IMAGE_MAGIC, 1, 0, 2, 0)), lab, dir.resolve("zero"), "rows 0");
        fails(write(dir, "neg", images(IdxReader.IMAGE_MAGIC, -1, 2, 2, 0)), lab, dir.resolve("neg"), "image count");
        fails(write(dir, "huge", images(IdxReader.IMAGE_MAGIC, 1, 100000, 2, 0)), lab, dir.resolve("huge"), "rows 100000");
    }

    @Test
    void labelOutOfRange() throws IOException {
        Path img = write(dir, "img", images(2, 2, 2));
        fails(img, write(dir, "lab", labels(L, 3, 10)), dir.resolve("lab"), "label 10", "item 1");
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path img = write(dir, "img", images(2, 2, 2));
        Path lab = write(dir, "lab", labels(L, 1, 2, 3));
        fails(img, lab, lab, "3 labels", "2 images", img.toString());
    }

    @Test
    void corruptGzip() throws IOException {
        byte[] gz = gzip(images(2, 2, 2));
        Path lab = write(dir, "lab", labels(L, 1, 2));
        fails(write(dir, "cut.gz", Arrays.copyOf(gz, gz.length - 6)), lab, dir.resolve("cut.gz"), "corrupt gzip");
        gz[12] ^= 0x55;
        fails(write(dir, "flipped.gz", gz), lab, dir.resolve("flipped.gz"), "corrupt gzip");
    }

    @Test
    void missingFile() {
        fails(dir.resolve("nope"), dir.resolve("lab"), dir.resolve("nope"), "not found");
    }
}
