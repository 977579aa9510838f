package org.ibrasnn.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict COCO instances reader: a valid set read exactly, and every kind of broken file refused by path. */
class CocoInstancesTest {

    private static final String VALID = """
            {"info": {"description": "fixture"}, "licenses": [],
             "images": [{"id": 1, "file_name": "a.png", "width": 8, "height": 6, "license": 0},
                        {"id": 2, "file_name": "sub/b.png", "width": 8, "height": 6}],
             "categories": [{"id": 3, "name": "cat", "supercategory": "animal"}, {"id": 1, "name": "dog"}],
             "annotations": [{"id": 10, "image_id": 1, "category_id": 3, "bbox": [1, 1, 2, 3], "area": 6,
                              "iscrowd": 0, "segmentation": []},
                             {"id": 11, "image_id": 2, "category_id": 1, "bbox": [0.5, 0, 9, 6.0], "area": 20.5,
                              "iscrowd": 1},
                             {"id": 12, "image_id": 1, "category_id": 1, "bbox": [-1, 5, 3, 4], "area": 0,
                              "iscrowd": 0}]}
            """;

    @TempDir
    Path dir;

    private Path json;
    private Path images;

    @BeforeEach
    void writeSet() throws IOException {
        json = dir.resolve("instances_val.json");
        images = dir.resolve("images");
        Files.writeString(json, VALID);
        DatasetFixtures.writePicture(images.resolve("a.png"), grey(8, 6, 1), "png");
        DatasetFixtures.writePicture(images.resolve("sub/b.png"), grey(8, 6, 2), "png");
    }

    private static BufferedImage grey(int width, int height, int shade) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < width * height; p++) {
            image.getRaster().setSample(p % width, p / width, 0, (p * 7 * shade) % 256);
        }
        return image;
    }

    @Test
    void readsImagesCategoriesAndBoxesExactly() throws IOException {
        DetectionDataset set = CocoInstances.load(json, images, 1);
        assertEquals(List.of("dog", "cat"), set.classNames(), "labels follow the category ids");
        assertEquals(List.of(1L, 3L), set.categoryIds());
        assertEquals(2, set.size());
        assertEquals(new DetectionDataset.Image(1, "a.png", 8, 6, List.of(
                new DetectionDataset.Box(1, 1, 1, 2, 3, 6, false), new DetectionDataset.Box(0, -1, 5, 3, 4, 0, false))),
                set.image(0));
        assertEquals(List.of(new DetectionDataset.Box(0, 0.5, 0, 9, 6, 20.5, true)), set.image(1).boxes());
        float[] planes = new float[2 * 48];
        set.copyImage(1, planes, 48);
        for (int p = 0; p < 48; p++) {
            assertEquals((p * 14) % 256, set.pixel(1, p), "grey samples are taken as stored");
            assertEquals((p * 14) % 256 / 255f, planes[48 + p]);
        }
        DetectionDataset rgb = CocoInstances.load(json, images, 3);
        assertEquals(3, rgb.channels());
        assertEquals(rgb.pixel(0, 5), rgb.pixel(0, 48 + 5));
    }

    static Stream<Arguments> brokenFields() {
        return Stream.of(
                broken(o -> image(o, 0).remove("id"), "$.images[0]: missing field 'id'"),
                broken(o -> image(o, 0).addProperty("id", "1"), "$.images[0].id: must be an integer, got 1"),
                broken(o -> image(o, 1).addProperty("id", 1), "$.images[1].id: duplicate image id 1"),
                broken(o -> image(o, 0).addProperty("width", 0), "$.images[0].width: must be a positive int, got 0"),
                broken(o -> image(o, 0).addProperty("height", 2.5), "$.images[0].height: must be an integer, got 2.5"),
                broken(o -> image(o, 0).addProperty("file_name", 5), "$.images[0]: field 'file_name' must be a string"),
                broken(o -> image(o, 0).addProperty("file_name", "../a.png"), "$.images[0].file_name: '../a.png' is "
                        + "not a relative path"),
                broken(o -> image(o, 0).addProperty("file_name", "a\u0000.png"), "$.images[0].file_name: 'a"),
                broken(o -> image(o, 1).addProperty("file_name", "a.png"), "$.images[1].file_name: 'a.png' named"),
                broken(o -> category(o, 0).remove("name"), "$.categories[0]: missing field 'name'"),
                broken(o -> category(o, 1).addProperty("id", 3), "$.categories[1].id: duplicate category id 3"),
                broken(o -> category(o, 1).addProperty("name", "cat"), "$.categories[1].name: duplicate category"),
                broken(o -> annotation(o, 1).addProperty("id", 10), "$.annotations[1].id: duplicate annotation id"),
                broken(o -> annotation(o, 0).addProperty("image_id", 99), "$.annotations[0].image_id: no image has id"
                        + " 99"),
                broken(o -> annotation(o, 0).addProperty("category_id", 7), "$.annotations[0].category_id: no "
                        + "category has id 7"),
                broken(o -> annotation(o, 0).remove("bbox"), "$.annotations[0]: missing field 'bbox'"),
                broken(o -> bbox(o, 0).remove(3), "$.annotations[0].bbox: must hold 4 numbers"),
                broken(o -> bbox(o, 0).set(2, new JsonPrimitive(-2)), "$.annotations[0].bbox: width and height "
                        + "must be positive"),
                broken(o -> bbox(o, 0).set(0, new JsonPrimitive(-5)), "$.annotations[0].bbox: box [-5.0, 1.0, 2.0, "
                        + "3.0] lies outside its 8x6 image"),
                broken(o -> bbox(o, 1).set(1, new JsonPrimitive(6)), "$.annotations[1].bbox: box"),
                broken(o -> bbox(o, 0).set(1, new JsonPrimitive("1")), "$.annotations[0].bbox[1]: expected a number"),
                broken(o -> bbox(o, 0).set(3, new JsonPrimitive(new BigDecimal("1e999"))),
                        "$.annotations[0].bbox[3]: must be a finite number"),
                broken(o -> annotation(o, 2).remove("area"), "$.annotations[2].area: missing number"),
                broken(o -> annotation(o, 2).addProperty("area", -1), "$.annotations[2].area: must be >= 0"),
                broken(o -> annotation(o, 0).addProperty("iscrowd", 2), "$.annotations[0].iscrowd: must be 0 or 1"),
                broken(o -> annotation(o, 0).addProperty("iscrowd", true), "$.annotations[0].iscrowd: must be an "
                        + "integer, got true"),
                broken(o -> o.getAsJsonArray("annotations").set(1, new JsonPrimitive(5)), "$.annotations[1]: must "
                        + "be an object, got 5"),
                broken(o -> o.remove("categories"), "$: missing field 'categories'"),
                broken(o -> o.add("images", new JsonObject()), "$: field 'images' must be an array"));
    }

    private static Arguments broken(Consumer<JsonObject> damage, String fault) {
        return Arguments.of(damage, fault);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenFields")
    void aBrokenFieldIsRefusedNamingTheFileAndItsPath(Consumer<JsonObject> damage, String fault) throws IOException {
        JsonObject o = JsonParser.parseString(VALID).getAsJsonObject();
        damage.accept(o);
        Files.writeString(json, o.toString());
        assertRefused(fault);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenTexts")
    void brokenJsonTextIsRefusedNamingTheFileAndWhere(String text, String fault) throws IOException {
        Files.writeString(json, text);
        assertRefused(fault);
    }

    static Stream<Arguments> brokenTexts() {
        return Stream.of(
                Arguments.of(VALID.substring(0, VALID.length() / 2), "malformed JSON at line"),
                Arguments.of(VALID.replace("[1, 1, 2, 3]", "[1, NaN, 2, 3]"), "malformed JSON at line 5"),
                Arguments.of(VALID + "{}", "data after the JSON value"),
                Arguments.of("[]", "$: must be an object"));
    }

    @Test
    void aMissingOrMismatchedPictureIsRefusedNamingTheEntry() throws IOException {
        Files.delete(images.resolve("sub/b.png"));
        assertRefused("$.images[1].file_name: " + images.resolve("sub/b.png") + ": file not found");
        DatasetFixtures.writePicture(images.resolve("sub/b.png"), grey(9, 6, 2), "png");
        assertRefused("$.images[1].file_name: " + images.resolve("sub/b.png") + ": picture of 9x6 pixels, but "
                + "width x height say 8x6");
        DatasetFixtures.writePicture(images.resolve("sub/b.png"), DatasetFixtures.picture(8, 6, 1), "png");
        assertRefused("$.images[1].file_name: " + images.resolve("sub/b.png") + ": colour pixel at (0, 0) in a set "
                + "of grey images");
        Files.writeString(images.resolve("sub/b.png"), "not a picture");
        assertRefused("$.images[1].file_name: " + images.resolve("sub/b.png") + ": not an image");
    }

    @Test
    void aMissingAnnotationFileIsNamed() {
        Path absent = dir.resolve("instances_train.json");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> CocoInstances.load(absent, images, 1));
        assertEquals(absent + ": file not found", e.getMessage());
    }

    private void assertRefused(String fault) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> CocoInstances.load(json, images, 1));
        assertTrue(e.getMessage().startsWith(json + ": " + fault), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    private static JsonObject image(JsonObject o, int i) {
        return o.getAsJsonArray("images").get(i).getAsJsonObject();
    }

    private static JsonObject category(JsonObject o, int i) {
        return o.getAsJsonArray("categories").get(i).getAsJsonObject();
    }

    private static JsonObject annotation(JsonObject o, int i) {
        return o.getAsJsonArray("annotations").get(i).getAsJsonObject();
    }

    private static JsonArray bbox(JsonObject o, int i) {
        return annotation(o, i).getAsJsonArray("bbox");
    }
}
