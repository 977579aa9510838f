package org.ibrasnn.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ibrasnn.core.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One picture as a network input: grey and colour to 1 or 3 channels, sizes and faults named. */
class PictureInputTest {

    @TempDir
    Path dir;

    @Test
    void aGreyPictureFeedsOneChannelOrIsRepeatedIntoThree() throws Exception {
        BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(2, 1, 0, 255);
        grey.getRaster().setSample(0, 0, 0, 51);
        Path file = write(grey, "png");
        float[] one = PictureInput.read(file, new Shape(1, 2, 3));
        assertArrayEquals(new float[] {0.2f, 0, 0, 0, 0, 1}, one);
        float[] three = PictureInput.read(file, new Shape(3, 2, 3));
        for (int c = 0; c < 3; c++) {
            assertEquals(0.2f, three[c * 6]);
            assertEquals(1f, three[c * 6 + 5]);
        }
    }

    @Test
    void aColourPictureGivesItsPlanesOrPilsLuma() throws Exception {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFF0000);
        rgb.setRGB(1, 0, 0x10A0F0);
        Path file = write(rgb, "png");
        assertArrayEquals(new float[] {1, 0x10 / 255f, 0, 0xA0 / 255f, 0, 0xF0 / 255f},
                PictureInput.read(file, new Shape(3, 1, 2)));
        // (19595 R + 38470 G + 7471 B + 2^15) >> 16, Pillow's L24: 76 and 8294528 >> 16 = 126
        assertArrayEquals(new float[] {76 / 255f, 126 / 255f}, PictureInput.read(file, new Shape(1, 1, 2)));
    }

    @Test
    void aPictureOfAnotherSizeIsRefusedNamingTheFileAndBothSizes() throws Exception {
        Path file = write(new BufferedImage(32, 48, BufferedImage.TYPE_BYTE_GRAY), "png");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> PictureInput.read(file, new Shape(1, 64, 64)));
        assertEquals(file + ": the picture is 32x48 (width x height) but the model takes 64x64", e.getMessage());
    }

    @Test
    void aMissingFileOrOneThatIsNoPictureIsNamed() throws Exception {
        Path missing = dir.resolve("missing.png");
        assertEquals(missing + ": file not found", assertThrows(DatasetFormatException.class,
                () -> PictureInput.read(missing, new Shape(1, 8, 8))).getMessage());
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        assertEquals(text + ": not an image: no ImageIO reader recognises its content",
                assertThrows(DatasetFormatException.class, () -> PictureInput.read(text, new Shape(1, 8, 8)))
                        .getMessage());
    }

    private Path write(BufferedImage image, String format) throws Exception {
        Path file = dir.resolve("picture." + format);
        ImageIO.write(image, format, file.toFile());
        return file;
    }
}
