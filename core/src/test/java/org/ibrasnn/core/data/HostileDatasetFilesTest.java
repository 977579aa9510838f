package org.ibrasnn.core.data;

import static org.ibrasnn.core.data.DatasetFixtures.concat;
import static org.ibrasnn.core.data.DatasetFixtures.fifo;
import static org.ibrasnn.core.data.DatasetFixtures.gzipWithZeros;
import static org.ibrasnn.core.data.IdxFixtures.gzip;
import static org.ibrasnn.core.data.IdxFixtures.images;
import static org.ibrasnn.core.data.IdxFixtures.labels;
import static org.ibrasnn.core.data.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile dataset files, generated here, for every loader (IDX, CIFAR, image folder, N-MNIST events, AEDAT /
 * CIFAR10-DVS): decompression bombs, trailing garbage, damaged or overflowing headers, writers' temporaries, numeric
 * overflow in names, FIFOs, directories and unreadable files where files belong. Every case is refused with the
 * exception type, a message that starts with the file's name and says the fault, and nothing under the dataset
 * changed; test-only loads decode no train split but hash it the same.
 */
class HostileDatasetFilesTest {

    private static final LoadOptions ONE_FRAME = LoadOptions.defaults();

    @TempDir
    Path dir;

    // ---- IDX (Fashion-MNIST) ----

    @Test
    void idxGzipBombIsRefusedAfterTheBytesItsHeaderAnnounces() throws IOException {
        Path lab = write(dir, "lab", labels(IdxReader.LABEL_MAGIC, 3));
        byte[] image = images(1, 2, 2);
        Path bomb = write(dir, "bomb.gz", gzipWithZeros(image, 256L << 20));
        assertTrue(Files.size(bomb) < 1 << 20, "a small file that inflates to 256 MiB");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] allocated = new long[1];
        refused(DatasetFormatException.class, bomb, "too long: more than 1048576 trailing bytes after 1 images of 2x2",
                () -> {
                    long before = threads.getCurrentThreadAllocatedBytes();
                    try {
                        IdxReader.read("t", bomb, lab, 10);
                    } finally {
                        allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
                    }
                });
        assertTrue(allocated[0] < 32L << 20, "inflated only past the announced bytes, allocated " + allocated[0]);
    }

    @Test
    void idxTrailingGarbageOverflowingDimensionsAndWrongMagic() throws IOException {
        Path lab = write(dir, "lab", labels(IdxReader.LABEL_MAGIC, 3));
        byte[] garbage = concat(gzip(images(1, 2, 2)), "garbage".getBytes(StandardCharsets.US_ASCII));
        Path tail = write(dir, "tail.gz", garbage);
        refused(DatasetFormatException.class, tail, "trailing garbage after the end of the gzip data",
                () -> IdxReader.read("t", tail, lab, 10));
        Path huge = write(dir, "huge", images(IdxReader.IMAGE_MAGIC, 1 << 26, 4096, 4096, 0));
        refused(DatasetFormatException.class, huge, "67108864 images of 4096x4096, 1125899906842624 bytes, more than",
                () -> IdxReader.read("t", huge, lab, 10));
        Path magic = write(dir, "magic.gz", gzip(images(0x00000802, 1, 2, 2, 4)));
        refused(DatasetFormatException.class, magic, "bad magic number 0x00000802",
                () -> IdxReader.read("t", magic, lab, 10));
        byte[] gz = gzip(images(1, 2, 2));
        Path cut = write(dir, "cut.gz", Arrays.copyOf(gz, gz.length - 9));
        refused(DatasetFormatException.class, cut, "corrupt gzip stream",
                () -> IdxReader.read("t", cut, lab, 10));
    }

    @Test
    void fashionMnistNamesAMissingFileADirectoryAndAFifo() throws Exception {
        writeFashionMnist(dir);
        Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
        Files.delete(labels);
        refused(DatasetFormatException.class, dir.resolve("t10k-labels-idx1-ubyte"), "file not found",
                () -> FashionMnist.loadFrom(dir));
        Files.createDirectory(labels);
        refused(DatasetFormatException.class, labels, "is a directory, not a file", () -> FashionMnist.loadFrom(dir));
        Files.delete(labels);
        fifo(labels);
        refused(DatasetFormatException.class, labels, "is not a regular file (a FIFO", () -> FashionMnist.loadFrom(dir));
    }

    @Test
    void unreadableFilesAreNamed() throws IOException {
        writeFashionMnist(dir);
        Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
        unreadable(labels);
        refused(DatasetFormatException.class, labels, "permission denied", () -> FashionMnist.loadFrom(dir));
        Path images = dir.resolve("pictures");
        DatasetFixtures.writeImageFolder(images, List.of("cat", "dog"), 1, 8);
        Path locked = images.resolve("val/cat/img_0.png");
        unreadable(locked);
        refused(DatasetFormatException.class, locked, "permission denied", () -> ImageFolder.load(images, 4));
    }

    @Test
    void aTestOnlyLoadDecodesNoTrainImagesButHashesThem() throws IOException {
        writeFashionMnist(dir);
        Splits both = FashionMnist.loadFrom(dir);
        Splits test = FashionMnist.loadFrom(dir, Splits.Part.TEST);
        assertEquals(both.checksum(), test.checksum(), "the checksum covers the same files");
        assertEquals(both.test().size(), test.test().size());
        var absent = assertThrows(IllegalStateException.class, test::train);
        assertTrue(absent.getMessage().contains("train split of " + dir + " was not loaded"), absent.getMessage());
        Path cdir = dir.resolve("c10");
        DatasetFixtures.writeCifar(cdir, CifarReader.Variant.CIFAR10, 3);
        Splits c = CifarReader.load(cdir, CifarReader.Variant.CIFAR10, Splits.Part.TEST);
        assertEquals(CifarReader.load(cdir, CifarReader.Variant.CIFAR10).checksum(), c.checksum());
        assertThrows(IllegalStateException.class, c::train);
    }

    // ---- CIFAR binary batches ----

    @Test
    void cifarBombGarbageDirectoryAndFifo() throws Exception {
        DatasetFixtures.writeCifar(dir, CifarReader.Variant.CIFAR10, 2);
        Path batch = dir.resolve("data_batch_2.bin");
        Files.write(batch, gzipWithZeros(new byte[0], 40L << 20));
        refused(DatasetFormatException.class, batch, "holds more than 30730000 bytes (decompressed), the most 10000 "
                + "CIFAR-10 records may take", () -> CifarReader.load(dir, CifarReader.Variant.CIFAR10));
        Files.write(batch, concat(gzip(DatasetFixtures.cifarBatch(1, 3)), new byte[] {0, 0, 0}));
        refused(DatasetFormatException.class, batch, "trailing garbage",
                () -> CifarReader.load(dir, CifarReader.Variant.CIFAR10));
        Files.delete(batch);
        Files.createDirectory(batch);
        refused(DatasetFormatException.class, batch, "is a directory, not a file",
                () -> CifarReader.load(dir, CifarReader.Variant.CIFAR10));
        Files.delete(batch);
        fifo(batch);
        refused(DatasetFormatException.class, batch, "is not a regular file",
                () -> CifarReader.load(dir, CifarReader.Variant.CIFAR10, Splits.Part.TEST));
    }

    // ---- image folders ----

    @Test
    void imageFolderTemporaryFifoAndHugePicture() throws Exception {
        DatasetFixtures.writeImageFolder(dir, List.of("cat", "dog"), 2, 8);
        Path temp = Files.write(dir.resolve("train/cat/.img_2.png.8123645.tmp"), new byte[] {1, 2});
        refused(DatasetFormatException.class, temp, "temporary file of an interrupted writer", () -> ImageFolder.load(dir, 4));
        Files.delete(temp);
        Path pipe = fifo(dir.resolve("val/dog/img_9.png"));
        refused(DatasetFormatException.class, pipe, "is not a regular file", () -> ImageFolder.load(dir, 4));
        Files.delete(pipe);
        Path huge = Files.write(dir.resolve("val/dog/img_9.png"), pngClaiming(100_000, 100_000));
        refused(DatasetFormatException.class, huge, "100000x100000 pixels, more than the 33554432 a picture may have",
                () -> ImageFolder.load(dir, 4));
    }

    // ---- N-MNIST event recordings ----

    @Test
    void eventFolderOverflowingLabelTemporaryBombAndFifo() throws Exception {
        writeEvents(dir);
        Path overflow = Files.createDirectories(dir.resolve("train/99999999999"));
        refused(DatasetFormatException.class, overflow, "not a label folder: 99999999999 is out of range (label "
                + "folders are named 0..9)", () -> EventDataset.load(dir, FashionMnist.CLASS_NAMES, ONE_FRAME));
        Files.delete(overflow);
        Path temp = Files.write(dir.resolve("test/3/.00001.bin.3141592653589793238.tmp"), new byte[] {1});
        Path pidTemp = Files.write(dir.resolve("train/2/.00007.bin.tmp-4242-k3x9"), new byte[] {1});
        refused(DatasetFormatException.class, pidTemp, "temporary file of an interrupted writer: the file it was "
                + "writing is missing; delete this file", () -> EventDataset.load(dir, FashionMnist.CLASS_NAMES,
                ONE_FRAME, Splits.Part.TEST));
        assertEquals(1, Temporaries.deleteIn(dir.resolve("train/2")), "a resuming writer deletes them");
        refused(DatasetFormatException.class, temp, "delete this file",
                () -> EventDataset.load(dir, FashionMnist.CLASS_NAMES, ONE_FRAME));
        assertEquals(1, Temporaries.deleteIn(dir.resolve("test/3")));
        assertEquals(0, Temporaries.deleteIn(dir.resolve("test/3")));
        Path bomb = Files.write(dir.resolve("test/3/00005.bin"), gzipWithZeros(new byte[0], 80L << 20));
        refused(DatasetFormatException.class, bomb, "holds more than 67108864 bytes (decompressed), the most one "
                + "recording may take", () -> EventDataset.load(dir, FashionMnist.CLASS_NAMES, ONE_FRAME));
        Files.delete(bomb);
        Path pipe = fifo(dir.resolve("train/1/00009.bin"));
        refused(DatasetFormatException.class, pipe, "is not a regular file",
                () -> EventDataset.load(dir, FashionMnist.CLASS_NAMES, ONE_FRAME, Splits.Part.TEST));
        Files.delete(pipe);
        Splits test = EventDataset.load(dir, FashionMnist.CLASS_NAMES, ONE_FRAME, Splits.Part.TEST);
        assertEquals(EventDataset.load(dir, FashionMnist.CLASS_NAMES, ONE_FRAME).checksum(), test.checksum());
    }

    @Test
    void aPoolThatDoesNotDivideTheSensorNamesTheOption() throws IOException {
        writeEvents(dir);
        var e = assertThrows(LoadOptions.InvalidOption.class, () -> EventDataset.load(dir, FashionMnist.CLASS_NAMES,
                new LoadOptions(1, EventFrames.Split.COUNT, 3, 1)));
        assertEquals(LoadOptions.Field.POOL, e.field());
        var zero = assertThrows(LoadOptions.InvalidOption.class, () -> new LoadOptions(1, EventFrames.Split.COUNT, 0, 1));
        assertEquals(LoadOptions.Field.POOL, zero.field());
        var size = assertThrows(LoadOptions.InvalidOption.class, () -> new LoadOptions(1, EventFrames.Split.COUNT, 1, 0));
        assertEquals(LoadOptions.Field.IMAGE_SIZE, size.field());
    }

    // ---- AEDAT 2.0 / CIFAR10-DVS ----

    @Test
    void cifar10DvsTemporaryGarbageDirectoryAndFifo() throws Exception {
        DatasetFixtures.writeCifar10Dvs(dir, 2);
        Path temp = Files.write(dir.resolve("cat/.cifar10_cat_2.aedat.77.tmp"), new byte[] {1});
        refused(DatasetFormatException.class, temp, "temporary file of an interrupted writer",
                () -> Cifar10Dvs.load(dir, ONE_FRAME));
        Files.delete(temp);
        Path recording = dir.resolve("dog/cifar10_dog_1.aedat");
        byte[] good = Files.readAllBytes(recording);
        Files.write(recording, concat(gzip(good), new byte[] {'x'}));
        refused(DatasetFormatException.class, recording, "trailing garbage after the end of the gzip data",
                () -> Cifar10Dvs.load(dir, ONE_FRAME, Splits.Part.TEST));
        Files.delete(recording);
        Files.createDirectory(recording);
        refused(DatasetFormatException.class, recording, "not a file", () -> Cifar10Dvs.load(dir, ONE_FRAME));
        Files.delete(recording);
        fifo(recording);
        refused(DatasetFormatException.class, recording, "is not a regular file", () -> Cifar10Dvs.load(dir, ONE_FRAME));
        Files.delete(recording);
        Path standalone = Files.write(dir.resolve("v2.aedat.gz"), concat(gzip(good), gzip(new byte[] {1, 2, 3})));
        refused(DatasetFormatException.class, standalone, "truncated: 171 bytes of events",
                () -> Aedat2Events.read(standalone));
    }

    // ---- helpers ----

    /** Runs {@code read}, which must fail with {@code type} naming {@code file} and {@code fault}, changing nothing. */
    private <E extends Exception> void refused(Class<E> type, Path file, String fault, Executable read)
            throws IOException {
        Map<String, String> before = TreeSnapshot.of(dir);
        E e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(type, read));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(fault),
                "'" + e.getMessage() + "' should name " + file + " and say " + fault);
        assertEquals(before, TreeSnapshot.of(dir), "nothing under the dataset changed");
    }

    /** Takes every permission from {@code file}; skipped as root, whom permissions do not stop. */
    static void unreadable(Path file) throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    }

    /** The four Fashion-MNIST files, gzip, of 3 train and 2 test images of 2x2. */
    private static void writeFashionMnist(Path dir) throws IOException {
        write(dir, "train-images-idx3-ubyte.gz", gzip(images(3, 2, 2)));
        write(dir, "train-labels-idx1-ubyte.gz", gzip(labels(IdxReader.LABEL_MAGIC, 1, 2, 3)));
        write(dir, "t10k-images-idx3-ubyte.gz", gzip(images(2, 2, 2)));
        write(dir, "t10k-labels-idx1-ubyte.gz", gzip(labels(IdxReader.LABEL_MAGIC, 4, 5)));
    }

    /** Two N-MNIST recordings per split, in label folders 1 and 2 (train) and 3 (test). */
    private static void writeEvents(Path dir) throws IOException {
        EventStream events = new EventStream.Builder(34, 34).add(1, 2, true, 5).add(3, 4, false, 9).build();
        for (String f : new String[] {"train/1/00000.bin", "train/2/00001.bin", "test/3/00000.bin", "test/3/00001.bin"}) {
            Files.createDirectories(dir.resolve(f).getParent());
            NMnistEvents.write(dir.resolve(f), events);
        }
    }

    /** A 1x1 PNG whose header claims {@code width x height} pixels (with a valid header CRC). */
    private static byte[] pngClaiming(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(DatasetFixtures.picture(1, 1, 0), "png", out);
        ByteBuffer png = ByteBuffer.wrap(out.toByteArray());
        png.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png.array(), 12, 17);
        png.putInt(29, (int) crc.getValue());
        return png.array();
    }
}
