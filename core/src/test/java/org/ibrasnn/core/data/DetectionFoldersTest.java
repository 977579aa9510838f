package org.ibrasnn.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.task.detection.GroundTruthBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detection sets by name: COCO and YOLO layouts read into image sets with boxes in pixels and the source's
 * ids, test-only loads hashing the same files, and pictures of another size refused naming the file.
 */
class DetectionFoldersTest {

    @TempDir
    Path dir;

    private static String instances(String file2, int width2) {
        return """
                {"images": [{"id": 7, "file_name": "a.png", "width": 8, "height": 6},
                            {"id": 9, "file_name": "%s", "width": %d, "height": 6}],
                 "categories": [{"id": 5, "name": "shirt"}, {"id": 2, "name": "bag"}],
                 "annotations": [{"id": 1, "image_id": 7, "category_id": 5, "bbox": [1, 1, 2, 3], "area": 6,
                                  "iscrowd": 0},
                                 {"id": 2, "image_id": 9, "category_id": 2, "bbox": [0, 2, 4, 4], "area": 16,
                                  "iscrowd": 1}]}
                """.formatted(file2, width2);
    }

    private void writeCoco(int testWidth) throws IOException {
        for (String split : List.of("train", "test")) {
            int width = split.equals("test") ? testWidth : 8;
            Files.createDirectories(dir.resolve(split));
            Files.writeString(dir.resolve(split).resolve("instances_" + split + ".json"), instances("b.png", width));
            DatasetFixtures.writePicture(dir.resolve(split + "/images/a.png"), grey(8, 6, 3), "png");
            DatasetFixtures.writePicture(dir.resolve(split + "/images/b.png"), grey(width, 6, 5), "png");
        }
    }

    private static BufferedImage grey(int width, int height, int shade) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < width * height; p++) {
            image.getRaster().setSample(p % width, p / width, 0, (p * shade) % 256);
        }
        return image;
    }

    @Test
    void aCocoSetIsReadWithBoxesInPixelsAndTheSourcesIds() throws IOException {
        writeCoco(8);
        Splits s = Datasets.load("coco", dir, LoadOptions.defaults());
        assertEquals(List.of("bag", "shirt"), s.classNames(), "labels follow the category ids");
        for (ImageDataset set : List.of(s.train(), s.test())) {
            assertEquals(new Shape(1, 6, 8), set.shape());
            assertTrue(set.hasBoxes());
            assertEquals(2, set.classes());
            assertEquals(List.of(new GroundTruthBox(0, 1, 1, 1, 2, 3, 6, false)), set.boxes(0));
            assertEquals(List.of(new GroundTruthBox(1, 0, 0, 2, 4, 4, 16, true)), set.boxes(1));
            assertEquals(new SourceIds(List.of(7L, 9L), List.of(2L, 5L)), set.sourceIds().orElseThrow());
            assertEquals((10 * 5) % 256, set.pixel(1, 10));
        }
        Splits testOnly = Datasets.load("coco", dir, LoadOptions.defaults(), Splits.Part.TEST);
        assertThrows(IllegalStateException.class, testOnly::train);
        assertEquals(s.checksum(), testOnly.checksum(), "a test-only load hashes the train files too");

        Files.writeString(dir.resolve("train/images/a.png.note"), "x");
        assertTrue(!s.checksum().equals(Datasets.load("coco", dir, LoadOptions.defaults(), Splits.Part.TEST)
                .checksum()), "every file of the image folders is hashed");
    }

    @Test
    void theFirstHeadKeepsBoxesAndIds() throws IOException {
        writeCoco(8);
        ImageDataset head = Datasets.load("coco", dir, LoadOptions.defaults()).test().head(1);
        assertEquals(1, head.size());
        assertEquals(List.of(new GroundTruthBox(0, 1, 1, 1, 2, 3, 6, false)), head.boxes(0));
        assertEquals(List.of(7L), head.sourceIds().orElseThrow().images());
    }

    @Test
    void picturesOfAnotherSizeAreRefusedNamingTheFiles() throws IOException {
        writeCoco(10);
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("coco", dir, LoadOptions.defaults()));
        assertEquals("instances_test.json: b.png is 10x6 but a.png is 8x6; a network takes images of one size, so "
                + "resize the set to one size first", e.getMessage());
    }

    @Test
    void aRootWithoutBothSplitsIsRefusedSayingWhatItMustHold() throws IOException {
        writeCoco(8);
        Files.delete(dir.resolve("test/instances_test.json"));
        var e = assertThrows(DatasetFormatException.class, () -> Datasets.load("coco", dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not hold train/instances_train.json and test/instances_test.json"),
                e.getMessage());
    }

    @Test
    void aYoloSetIsReadWithValAsTheTestSplit() throws IOException {
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\n");
        for (String split : List.of("train", "val")) {
            DatasetFixtures.writePicture(dir.resolve("images/" + split + "/a.png"), grey(8, 6, 1), "png");
            Path label = dir.resolve("labels/" + split + "/a.txt");
            Files.createDirectories(label.getParent());
            Files.writeString(label, "1 0.5 0.5 0.25 0.5\n");
        }
        Splits s = Datasets.load("yolo", dir, LoadOptions.defaults());
        assertEquals(List.of("cat", "dog"), s.classNames());
        assertEquals(List.of(GroundTruthBox.of(0, 1, 3, 1.5, 2, 3)), s.test().boxes(0));
        assertEquals(s.train().boxes(0), s.test().boxes(0));
        assertEquals(List.of(0L), s.test().sourceIds().orElseThrow().images());
    }

    @Test
    void classLabelSetsHaveNoBoxes() throws IOException {
        Path root = DatasetFixtures.writeFashionMnist(dir.resolve("f"), 2, 2);
        ImageDataset set = Datasets.load("fashion-mnist", root, LoadOptions.defaults()).test();
        assertFalse(set.hasBoxes());
        assertTrue(set.sourceIds().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> set.boxes(0));
    }
}
