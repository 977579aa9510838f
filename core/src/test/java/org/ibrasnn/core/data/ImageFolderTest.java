package org.ibrasnn.core.data;

import static org.ibrasnn.core.data.DatasetFixtures.picture;
import static org.ibrasnn.core.data.DatasetFixtures.writePicture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.ibrasnn.core.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image folders in the ImageNet layout: classes, order, RGB planes, CMYK JPEGs and every broken case named. */
class ImageFolderTest {

    @TempDir
    Path dir;

    @Test
    void classesAreSortedFolderNamesAndSplitsInterleave() throws IOException {
        DatasetFixtures.writeImageFolder(dir, List.of("zebra", "ant", "moth"), 3, 12);
        Splits s = Datasets.load("image-folder", dir, new LoadOptions(1, EventFrames.Split.COUNT, 1, 8));
        assertEquals(List.of("ant", "moth", "zebra"), s.classNames());
        assertEquals(new Shape(3, 8, 8), s.train().shape());
        assertEquals(9, s.train().size());
        assertEquals(9, s.test().size());
        assertEquals(3, s.train().classes());
        for (int i = 0; i < 9; i++) {
            assertEquals(i % 3, s.train().label(i));
        }
        // The blue plane of a class-c picture is 40 + 30c everywhere (PNG, item k = 0 of each class is lossless).
        for (int c = 0; c < 3; c++) {
            int classInFixture = List.of("zebra", "ant", "moth").indexOf(s.classNames().get(c));
            assertEquals(40 + 30 * classInFixture, s.train().pixel(c, 2 * 64 + 27));
        }
        assertEquals(64, s.checksum().length());
    }

    @Test
    void aPictureOfTheTargetSizeIsCopiedAndAWiderOneCroppedToItsCentre() throws IOException {
        writePicture(dir.resolve("train/a/same.png"), picture(4, 4, 1), "png");
        writePicture(dir.resolve("val/a/wide.png"), picture(8, 4, 1), "png");
        Splits s = ImageFolder.load(dir, 4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(10 * x + 1, s.train().pixel(0, y * 4 + x), "red");
                assertEquals(10 * y, s.train().pixel(0, 16 + y * 4 + x), "green");
                assertEquals(70, s.train().pixel(0, 32 + y * 4 + x), "blue");
                assertEquals(10 * (x + 2) + 1, s.test().pixel(0, y * 4 + x), "columns 2..5 of the 8 wide picture");
            }
        }
    }

    @Test
    void shrinkingAveragesWithATriangleFilter() throws IOException {
        // 8x8 picture, red = 10x + 1; halving gives weights 1, 3, 3, 1 (/ 8) over columns 2o-1 .. 2o+2.
        writePicture(dir.resolve("train/a/p.png"), picture(8, 8, 1), "png");
        writePicture(dir.resolve("val/a/p.png"), picture(8, 8, 1), "png");
        ImageDataset set = ImageFolder.load(dir, 4).train();
        assertEquals(Math.round((3 * 1 + 3 * 11 + 1 * 21) / 7f), set.pixel(0, 0), "left edge: weights 3, 3, 1");
        assertEquals(Math.round((11 + 3 * 21 + 3 * 31 + 41) / 8f), set.pixel(0, 1));
    }

    @Test
    void cmykJpegsLoadAsRgb() throws IOException {
        assertTrue(ImageIO.getImageReadersByFormatName("jpeg").next().getClass().getName().contains("twelvemonkeys"),
                "the TwelveMonkeys JPEG reader is installed ahead of the JDK's");
        Path cmyk = Files.write(Files.createDirectories(dir.resolve("train/a")).resolve("cmyk.jpg"),
                DatasetFixtures.cmykJpeg(16, 16));
        writePicture(dir.resolve("val/a/p.png"), picture(16, 16, 0), "png");
        ImageDataset set = ImageFolder.load(dir, 16).train();
        int left = 8 * 16 + 2;
        int right = 8 * 16 + 13;
        assertTrue(set.pixel(0, left) < 60 && set.pixel(0, 256 + left) > 120 && set.pixel(0, 512 + left) > 160,
                "cyan on the left of " + cmyk + ": " + rgb(set, left));
        assertTrue(set.pixel(0, right) < 60 && set.pixel(0, 256 + right) < 60 && set.pixel(0, 512 + right) < 60,
                "black on the right: " + rgb(set, right));
    }

    @Test
    void brokenPicturesAreNamed() throws IOException {
        DatasetFixtures.writeImageFolder(dir, List.of("a", "b"), 2, 10);
        Path jpeg = dir.resolve("val/b/img_1.jpeg");
        byte[] good = Files.readAllBytes(jpeg);
        Files.write(jpeg, Arrays.copyOf(good, good.length - 10));
        fails(jpeg, "damaged JPEG image");
        Files.write(jpeg, Arrays.copyOf(good, good.length / 2));
        fails(jpeg, "unreadable JPEG image");
        Files.write(jpeg, good);

        Path text = Files.writeString(dir.resolve("train/a/readme.txt"), "not a picture");
        fails(text, "not an image");
        Files.delete(text);

        Path garbage = dir.resolve("train/b/img_0.png");
        byte[] png = Files.readAllBytes(garbage);
        png[40] ^= 0x5A;
        png[41] ^= 0x5A;
        Files.write(garbage, png);
        fails(garbage, "png image");
    }

    @Test
    void brokenLayoutsAreNamed() throws IOException {
        DatasetFixtures.writeImageFolder(dir, List.of("a", "b"), 1, 6);
        Path empty = Files.createDirectories(dir.resolve("train/c"));
        fails(empty, "class folder is empty");
        writePicture(empty.resolve("p.png"), picture(6, 6, 2), "png");
        var differ = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(dir, 4));
        assertTrue(differ.getMessage().startsWith(dir.resolve("val").toString())
                && differ.getMessage().contains("only in train [c], only in val []"), differ.getMessage());
        Path loose = Files.writeString(dir.resolve("val/loose.txt"), "x");
        fails(loose, "not a class folder");
    }

    @Test
    void memoryIsCheckedBeforeDecoding() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.checkFits(dir, 1_281_167, new Shape(3, 224, 224)));
        assertTrue(e.getMessage().contains("1281167 images of 3x224x224 take " + 1_281_167L * 3 * 224 * 224 + " bytes")
                && e.getMessage().contains(dir.toString()), e.getMessage());
        Shape small = new Shape(1, 10, 100);
        ImageDataset.checkFits(dir, 1000, small, 1_000_000, 4_000_000);
        var heapFull = assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.checkFits(dir, 1001, small, 1_000_000, 4_000_000));
        assertTrue(heapFull.getMessage().contains("1001000 bytes, more than the 1000000 bytes left on this JVM's heap "
                + "(maximum 4000000)"), heapFull.getMessage());
    }

    private void fails(Path named, String fault) {
        var e = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(dir, 4));
        assertTrue(e.getMessage().startsWith(named.toString()) && e.getMessage().contains(fault), e.getMessage());
    }

    private static String rgb(ImageDataset set, int p) {
        return set.pixel(0, p) + "," + set.pixel(0, 256 + p) + "," + set.pixel(0, 512 + p);
    }
}
