package org.ibrasnn.core.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Small dataset files in the exact formats (IDX, CIFAR batches, AEDAT 2.0, pictures), valid or hostile (gzip bombs,
 * FIFOs), for the tests of every module.
 */
public final class DatasetFixtures {

    private DatasetFixtures() {}

    /** Fashion-MNIST's four files, gzip, in {@code root}: {@code train} and {@code test} images of 28x28. */
    public static Path writeFashionMnist(Path root, int train, int test) throws IOException {
        Files.createDirectories(root);
        int[] trainLabels = new int[train];
        int[] testLabels = new int[test];
        Arrays.setAll(trainLabels, i -> i % 10);
        Arrays.setAll(testLabels, i -> i % 10);
        Files.write(root.resolve("train-images-idx3-ubyte.gz"), IdxFixtures.gzip(IdxFixtures.images(train, 28, 28)));
        Files.write(root.resolve("train-labels-idx1-ubyte.gz"),
                IdxFixtures.gzip(IdxFixtures.labels(IdxReader.LABEL_MAGIC, trainLabels)));
        Files.write(root.resolve("t10k-images-idx3-ubyte.gz"), IdxFixtures.gzip(IdxFixtures.images(test, 28, 28)));
        Files.write(root.resolve("t10k-labels-idx1-ubyte.gz"),
                IdxFixtures.gzip(IdxFixtures.labels(IdxReader.LABEL_MAGIC, testLabels)));
        return root;
    }

    /** The IDX image file of {@code count} images of 28x28, uncompressed. */
    public static byte[] idxImages(int count) {
        return IdxFixtures.images(count, 28, 28);
    }

    /** {@code head} then {@code zeros} zero bytes, gzip-compressed: with many zeros, a small file that inflates hugely. */
    public static byte[] gzipWithZeros(byte[] head, long zeros) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(head);
            byte[] block = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= block.length) {
                gz.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return out.toByteArray();
    }

    /** {@code a} followed by {@code b}. */
    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A FIFO at {@code file}, made with mkfifo; the calling test is skipped where there is none. */
    public static Path fifo(Path file) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo is missing");
        Process p = new ProcessBuilder("/usr/bin/mkfifo", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("mkfifo " + file + " failed");
        }
        return file;
    }

    /** CIFAR records of (label bytes..., 3072 pixels) where pixel p of record r is (r + p) mod 256. */
    public static byte[] cifarBatch(int labelBytes, int... labels) {
        int size = labelBytes + 3072;
        byte[] out = new byte[labels.length / labelBytes * size];
        for (int r = 0; r < labels.length / labelBytes; r++) {
            for (int k = 0; k < labelBytes; k++) {
                out[r * size + k] = (byte) labels[r * labelBytes + k];
            }
            for (int p = 0; p < 3072; p++) {
                out[r * size + labelBytes + p] = (byte) (r + p);
            }
        }
        return out;
    }

    /** The standard CIFAR files of a variant in {@code dir}, {@code perFile} records each, labels cycling. */
    public static void writeCifar(Path dir, CifarReader.Variant variant, int perFile) throws IOException {
        Files.createDirectories(dir);
        int labelBytes = variant == CifarReader.Variant.CIFAR10 ? 1 : 2;
        for (String f : variant.files()) {
            int[] labels = new int[perFile * labelBytes];
            for (int r = 0; r < perFile; r++) {
                labels[r * labelBytes] = r % (labelBytes == 1 ? variant.classes() : 20);
                labels[r * labelBytes + labelBytes - 1] = r % variant.classes();
            }
            Files.write(dir.resolve(f), cifarBatch(labelBytes, labels));
        }
    }

    /** An AEDAT file: the first header line, a comment line, then big-endian (address, timestamp) pairs. */
    public static byte[] aedat(String firstLine, int... addressTimePairs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((firstLine + "\r\n# This is a raw AE data file created by a test\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.allocate(4 * addressTimePairs.length);
        for (int v : addressTimePairs) {
            b.putInt(v);
        }
        out.writeBytes(b.array());
        return out.toByteArray();
    }

    /** A DVS128 address: polarity bit 0 (0: ON), column in bits 1..7, row in bits 8..14. */
    public static int dvsAddress(int row, int column, boolean on) {
        return (row << 8) | (column << 1) | (on ? 0 : 1);
    }

    /**
     * CIFAR10-DVS in {@code ROOT/<class>/cifar10_<class>_<k>.aedat}: recording k of class c holds {@code 20 + k}
     * events along row {@code 4c}, one every 100 us.
     */
    public static void writeCifar10Dvs(Path root, int perClass) throws IOException {
        for (int c = 0; c < CifarClasses.CIFAR10.size(); c++) {
            String name = CifarClasses.CIFAR10.get(c);
            Path dir = Files.createDirectories(root.resolve(name));
            for (int k = 0; k < perClass; k++) {
                int[] events = new int[2 * (20 + k)];
                for (int i = 0; i < 20 + k; i++) {
                    events[2 * i] = dvsAddress(4 * c, i % 128, i % 2 == 0);
                    events[2 * i + 1] = 100 * i;
                }
                Files.write(dir.resolve("cifar10_" + name + "_" + k + ".aedat"), aedat("#!AER-DAT2.0", events));
            }
        }
    }

    /** A {@code width x height} RGB picture whose colour at (x, y) is (10x + c, 10y, 40 + 30c) for class c. */
    public static BufferedImage picture(int width, int height, int c) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((10 * x + c) & 0xFF) << 16 | ((10 * y) & 0xFF) << 8 | ((40 + 30 * c) & 0xFF));
            }
        }
        return image;
    }

    /** Writes a picture in an ImageIO format ({@code png}, {@code jpeg}). */
    public static Path writePicture(Path file, BufferedImage image, String format) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return file;
    }

    /**
     * An image folder {@code ROOT/train|val/<class>/} with {@code perClass} pictures per class and split, of
     * varying size around {@code side} and alternately PNG and JPEG.
     */
    public static void writeImageFolder(Path root, List<String> classes, int perClass, int side) throws IOException {
        for (String split : List.of("train", "val")) {
            for (int c = 0; c < classes.size(); c++) {
                for (int k = 0; k < perClass; k++) {
                    String format = k % 2 == 0 ? "png" : "jpeg";
                    Path f = root.resolve(split).resolve(classes.get(c)).resolve("img_" + k + "." + format);
                    writePicture(f, picture(side + k, side + 2 * (k % 3), c), format);
                }
            }
        }
    }

    /**
     * A CMYK JPEG as Adobe software writes it: four components stored inverted ({@code 255 - value}) and an APP14
     * "Adobe" marker with transform 0 (no colour transform). The left half is pure cyan, the right half pure black.
     */
    public static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] cmyk = x < width / 2 ? new int[] {255, 0, 0, 0} : new int[] {0, 0, 0, 255};
                raster.setPixel(x, y, new int[] {255 - cmyk[0], 255 - cmyk[1], 255 - cmyk[2], 255 - cmyk[3]});
            }
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(plain)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = plain.toByteArray();
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(app14);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
