package org.ibrasnn.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict YOLO label reader: a valid split read exactly, and broken files refused naming the file and line. */
class YoloLabelsTest {

    @TempDir
    Path dir;

    private Path label;

    @BeforeEach
    void writeSet() throws IOException {
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\n");
        BufferedImage grey = new BufferedImage(8, 6, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(3, 2, 0, 200);
        DatasetFixtures.writePicture(dir.resolve("images/val/a.png"), grey, "png");
        DatasetFixtures.writePicture(dir.resolve("images/val/b.png"), grey, "png");
        label = dir.resolve("labels/val/a.txt");
        Files.createDirectories(label.getParent());
        Files.writeString(label, "1 0.5 0.5 0.25 0.5\n0 0.125 0.5 0.25 1");
    }

    @Test
    void readsPicturesInNameOrderWithTheirBoxesInPixels() throws IOException {
        DetectionDataset set = YoloLabels.load(dir, "val", 1);
        assertEquals(List.of("cat", "dog"), set.classNames());
        assertEquals(List.of(0L, 1L), set.categoryIds());
        assertEquals(new DetectionDataset.Image(0, "a.png", 8, 6, List.of(
                new DetectionDataset.Box(1, 3, 1.5, 2, 3, 6, false),
                new DetectionDataset.Box(0, 0, 0, 2, 6, 12, false))),
                set.image(0));
        assertEquals(new DetectionDataset.Image(1, "b.png", 8, 6, List.of()), set.image(1), "no label file: no boxes");
        assertEquals(200, set.pixel(0, 2 * 8 + 3));
    }

    static Stream<Arguments> brokenLabels() {
        return Stream.of(
                Arguments.of("1 0.5 0.5 0.25\n", "line 1: expected 'class cx cy w h', got 4 fields"),
                Arguments.of("0 0.5 0.5 0.2 0.2\n2 0.5 0.5 0.25 0.5\n", "line 2: class 2 is outside [0, 2)"),
                Arguments.of("-1 0.5 0.5 0.25 0.5", "line 1: class -1 is outside [0, 2)"),
                Arguments.of("x 0.5 0.5 0.25 0.5", "line 1: class 'x' is not an integer"),
                Arguments.of("1 1.5 0.5 0.25 0.5", "line 1: cx '1.5' is not a number in [0, 1]"),
                Arguments.of("1 0.5 -0.1 0.25 0.5", "line 1: cy '-0.1' is not a number in [0, 1]"),
                Arguments.of("1 0.5 0.5 NaN 0.5", "line 1: w 'NaN' is not a number in [0, 1]"),
                Arguments.of("1 0.5 0.5 0.5 1d", "line 1: h '1d' is not a number in [0, 1]"),
                Arguments.of("1 0.5 0.5 0 0.5", "line 1: w and h must be positive"),
                Arguments.of("1 0.5 0.5 0.2 0.5\n\n1 0.5 0.5 0.2 0.5\n", "line 2: blank line"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenLabels")
    void aBrokenLabelLineIsRefusedNamingTheFileAndLine(String text, String fault) throws IOException {
        Files.writeString(label, text);
        assertRefused(label, fault);
    }

    @Test
    void brokenClassListsAndStrayFilesAreRefusedNamingTheFile() throws IOException {
        Path classes = dir.resolve("classes.txt");
        Files.writeString(classes, "cat\ncat\n");
        assertRefused(classes, "line 2: duplicate class name 'cat'");
        Files.writeString(classes, "cat\n\ndog\n");
        assertRefused(classes, "line 2: blank line");
        Files.writeString(classes, "");
        assertRefused(classes, "no class names");
        Files.write(classes, new byte[] {(byte) 0xC3, 0x28});
        assertRefused(classes, "not UTF-8 text");
        Files.delete(classes);
        assertRefused(classes, "file not found");
        Files.writeString(classes, "cat\ndog");

        Path orphan = dir.resolve("labels/val/c.txt");
        Files.writeString(orphan, "0 0.5 0.5 0.5 0.5\n");
        assertRefused(orphan, "no picture of this name in " + dir.resolve("images/val"));
        Files.delete(orphan);
        Path stray = dir.resolve("images/val/notes.md");
        Files.writeString(stray, "notes");
        assertRefused(stray, "not a .png, .jpg or .jpeg picture");
        Files.delete(stray);
        Path temporary = dir.resolve("images/val/.c.png.tmp-12-abc");
        Files.writeString(temporary, "half");
        assertRefused(temporary, "temporary file of an interrupted writer");
        Files.delete(temporary);
        Files.writeString(dir.resolve("images/val/b.png"), "not a picture");
        assertRefused(dir.resolve("images/val/b.png"), "not an image");
        assertRefused(dir.resolve("images/test"), "directory not found", "test");
    }

    private void assertRefused(Path file, String fault) {
        assertRefused(file, fault, "val");
    }

    private void assertRefused(Path file, String fault, String split) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> YoloLabels.load(dir, split, 1));
        assertTrue(e.getMessage().startsWith(file + ": " + fault), e.getMessage());
    }
}
