package org.ibrasnn.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic detection scenes on the real Fashion-MNIST: their properties, a COCO round trip, determinism. */
class SyntheticScenesTest {

    private static final SceneSettings SMALL = new SceneSettings(64, 16, 48, 4, 0.3, 24, 8, 7);

    private static Splits fashion;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        fashion = FashionMnist.loadFrom(FashionMnist.SYSTEM_DIR);
    }

    @Test
    void referenceScenesHaveOneToFourTightNonOverlappingGarmentsInsideTheCanvas() {
        SceneGenerator generator = new SceneGenerator(fashion.train(), fashion.train().size(), SceneSettings.REFERENCE);
        TreeSet<Integer> counts = new TreeSet<>();
        for (int i = 0; i < 400; i++) {
            SceneGenerator.Scene scene = generator.scene(1, i);
            List<SceneGenerator.Garment> garments = scene.garments();
            counts.add(garments.size());
            assertTrue(garments.size() >= 1 && garments.size() <= 4, "scene " + i + ": " + garments.size());
            int[] expected = new int[64 * 64];
            for (int k = 0; k < garments.size(); k++) {
                SceneGenerator.Garment g = garments.get(k);
                assertTrue(g.side() >= 16 && g.side() <= 48, g.toString());
                assertTrue(g.x() >= 0 && g.y() >= 0 && g.x() + g.side() <= 64 && g.y() + g.side() <= 64, g.toString());
                assertEquals(fashion.train().label(g.source()), g.label());
                for (int j = 0; j < k; j++) {
                    assertTrue(SceneGenerator.iou(garments.get(j), g) < 0.3, "scene " + i + ": " + garments.get(j)
                            + " and " + g);
                }
                byte[] pixels = SceneGenerator.resize(fashion.train(), g.source(), g.side());
                assertTight(g, pixels);
                for (int p = 0; p < pixels.length; p++) {
                    int at = (g.y() + p / g.side()) * 64 + g.x() + p % g.side();
                    expected[at] = Math.max(expected[at], pixels[p] & 0xFF);
                }
            }
            for (int p = 0; p < expected.length; p++) {
                assertEquals(expected[p], scene.pixels()[p] & 0xFF, "scene " + i + " pixel " + p + " is the maximum");
            }
        }
        assertEquals(new TreeSet<>(List.of(1, 2, 3, 4)), counts);
    }

    /** Every non-zero pixel of the garment lies in its box, and each border row and column of the box holds one. */
    private static void assertTight(SceneGenerator.Garment g, byte[] pixels) {
        int s = g.side();
        int x0 = g.boxX() - g.x();
        int y0 = g.boxY() - g.y();
        int x1 = x0 + g.boxWidth() - 1;
        int y1 = y0 + g.boxHeight() - 1;
        boolean top = false;
        boolean bottom = false;
        boolean left = false;
        boolean right = false;
        for (int p = 0; p < pixels.length; p++) {
            if (pixels[p] != 0) {
                int x = p % s;
                int y = p / s;
                assertTrue(x >= x0 && x <= x1 && y >= y0 && y <= y1, g + ": pixel (" + x + ", " + y + ") outside");
                top |= y == y0;
                bottom |= y == y1;
                left |= x == x0;
                right |= x == x1;
            }
        }
        assertTrue(top && bottom && left && right, g + " is not tight");
    }

    @Test
    void theCocoReaderGivesBackExactlyTheGeneratedScenes() throws IOException {
        for (SyntheticScenes.Split split : SyntheticScenes.Split.values()) {
            SyntheticScenes.Written written = SyntheticScenes.write(fashion, "fashion-mnist", 500, SMALL, split, dir,
                    done -> { });
            Path splitDir = dir.resolve(split.label());
            assertEquals(SyntheticScenes.instancesFile(splitDir, split.label()), written.instances());
            DetectionDataset read = CocoInstances.load(written.instances(), SyntheticScenes.imagesDir(splitDir), 1);
            assertEquals(FashionMnist.CLASS_NAMES, read.classNames());
            ImageDataset source = split == SyntheticScenes.Split.TRAIN ? fashion.train() : fashion.test();
            SceneGenerator generator = new SceneGenerator(source, 500, SMALL);
            int garments = 0;
            assertEquals(split == SyntheticScenes.Split.TRAIN ? 24 : 8, read.size());
            for (int i = 0; i < read.size(); i++) {
                SceneGenerator.Scene scene = generator.scene(split.salt(), i);
                DetectionDataset.Image image = read.image(i);
                assertEquals(List.of(64, 64), List.of(image.width(), image.height()));
                assertEquals(scene.garments().size(), image.boxes().size());
                for (int k = 0; k < image.boxes().size(); k++) {
                    SceneGenerator.Garment g = scene.garments().get(k);
                    assertTrue(g.source() < 500, "garments come from the first 500 images");
                    assertEquals(new DetectionDataset.Box(g.label(), g.boxX(), g.boxY(), g.boxWidth(), g.boxHeight(),
                            g.boxWidth() * g.boxHeight(), false), image.boxes().get(k));
                }
                garments += image.boxes().size();
                float[] planes = new float[64 * 64];
                read.copyImage(i, planes, 0);
                for (int p = 0; p < planes.length; p++) {
                    assertEquals((scene.pixels()[p] & 0xFF) / 255f, planes[p], "scene " + i + " pixel " + p);
                }
            }
            assertEquals(written.garments(), garments);
            String json = Files.readString(written.instances());
            assertTrue(json.contains("\"info\":{\"description\":\"synthetic detection scenes of fashion-mnist "
                    + "garments\"") && json.contains("\"source_images\":500,\"canvas\":64,\"min_side\":16,"
                    + "\"max_side\":48,\"max_objects\":4,\"max_iou\":0.3,\"train_scenes\":24,\"test_scenes\":8,"
                    + "\"seed\":7"), json.substring(0, 600));
        }
    }

    @Test
    void theSameSeedWritesByteIdenticalFilesAndARerunReplacesALargerSet() throws IOException {
        write(dir.resolve("a"), SMALL);
        write(dir.resolve("b"), SMALL);
        assertEquals(TreeSnapshot.of(dir.resolve("a")), TreeSnapshot.of(dir.resolve("b")));
        SceneSettings other = new SceneSettings(64, 16, 48, 4, 0.3, 24, 8, 8);
        write(dir.resolve("c"), other);
        assertNotEquals(Files.readString(dir.resolve("a/train/instances_train.json")),
                Files.readString(dir.resolve("c/train/instances_train.json")));
        SceneSettings bigger = new SceneSettings(64, 16, 48, 4, 0.3, 30, 9, 7);
        write(dir.resolve("d"), bigger);
        Files.writeString(dir.resolve("d/train/images/.000000.png.tmp-999999999-abc"), "left by a killed run");
        write(dir.resolve("d"), SMALL);
        assertEquals(TreeSnapshot.of(dir.resolve("a")), TreeSnapshot.of(dir.resolve("d")));
    }

    @Test
    void anInterruptedRunLeavesNoSetAReaderAccepts() throws IOException {
        Path out = dir.resolve("set");
        write(out, SMALL);
        Path json = out.resolve("train/instances_train.json");
        assertThrows(IllegalStateException.class, () -> SyntheticScenes.write(fashion, "fashion-mnist", 0, SMALL,
                SyntheticScenes.Split.TRAIN, out, done -> {
                    if (done == SMALL.trainScenes()) {
                        throw new IllegalStateException("killed");
                    }
                }));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> CocoInstances.load(json, out.resolve("train/images"), 1));
        assertTrue(e.getMessage().startsWith(json + ": file not found"), e.getMessage());
    }

    @Test
    void settingsOutOfRangeNameTheSetting() {
        SceneSettings.InvalidSetting e = assertThrows(SceneSettings.InvalidSetting.class,
                () -> new SceneSettings(64, 16, 65, 4, 0.3, 1, 1, 0));
        assertEquals("maxSide", e.setting());
        assertTrue(e.getMessage().contains("largest garment side") && e.getMessage().contains("65"), e.getMessage());
        assertEquals("maxIou", assertThrows(SceneSettings.InvalidSetting.class,
                () -> new SceneSettings(64, 16, 48, 4, Double.NaN, 1, 1, 0)).setting());
        assertEquals("minSide", assertThrows(SceneSettings.InvalidSetting.class,
                () -> new SceneSettings(64, 1, 48, 4, 0.3, 1, 1, 0)).setting());
    }

    private static void write(Path out, SceneSettings settings) throws IOException {
        for (SyntheticScenes.Split split : SyntheticScenes.Split.values()) {
            SyntheticScenes.write(fashion, "fashion-mnist", 0, settings, split, out, done -> { });
        }
    }
}
