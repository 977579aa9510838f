package org.ibrasnn.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry: names, lookup of roots, CIFAR through it, and what a still-image source refuses. */
class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void everyDatasetIsRegisteredOnceWithADescription() {
        assertEquals(List.of("fashion-mnist", "nfashion-mnist", "cifar10", "cifar100", "cifar10-dvs", "image-folder",
                "coco", "yolo"), Datasets.names());
        for (DatasetSource s : Datasets.all()) {
            assertEquals(s, Datasets.named(s.name()));
            assertFalse(s.description().isBlank(), s.name());
            assertFalse(s.description().contains("--"), "library text names no flags: " + s.description());
        }
        assertEquals(List.of("nfashion-mnist", "cifar10-dvs"),
                Datasets.all().stream().filter(DatasetSource::events).map(DatasetSource::name).toList());
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.named("imagenet"));
        assertTrue(e.getMessage().contains("unknown dataset 'imagenet'") && e.getMessage().contains("image-folder"),
                e.getMessage());
    }

    @Test
    void cifarLoadsByNameFromTheRootOrTheArchiveFolderInsideIt() throws IOException {
        DatasetFixtures.writeCifar(dir.resolve("cifar-10-batches-bin"), CifarReader.Variant.CIFAR10, 3);
        Splits s = Datasets.load("cifar10", dir, LoadOptions.defaults());
        assertEquals(dir.resolve("cifar-10-batches-bin"), s.directory());
        assertEquals(new Shape(3, 32, 32), s.train().shape());
        assertEquals(15, s.train().size(), "five batches of 3");
        assertEquals(3, s.test().size());
        assertEquals(2, s.test().label(2));
        assertEquals("bird", s.classNames().get(2));
        assertEquals(64, s.checksum().length());

        DatasetFixtures.writeCifar(dir.resolve("c100"), CifarReader.Variant.CIFAR100, 4);
        Splits hundred = Datasets.load("cifar100", dir.resolve("c100"), LoadOptions.defaults());
        assertEquals(100, hundred.classNames().size());
        assertEquals(3, hundred.train().label(3));
        assertEquals("aquarium_fish", hundred.classNames().get(1));
    }

    @Test
    void brokenCifarBatchesAreNamed() throws IOException {
        DatasetFixtures.writeCifar(dir, CifarReader.Variant.CIFAR10, 2);
        Path cut = dir.resolve("data_batch_3.bin");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(cut), 3073 + 100));
        var e = assertThrows(DatasetFormatException.class, () -> Datasets.load("cifar10", dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("length 3173"), e.getMessage());

        DatasetFixtures.writeCifar(dir, CifarReader.Variant.CIFAR10, 2);
        Path badLabel = Files.write(dir.resolve("test_batch.bin"), DatasetFixtures.cifarBatch(1, 4, 12));
        e = assertThrows(DatasetFormatException.class, () -> Datasets.load("cifar10", dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().startsWith(badLabel.toString()) && e.getMessage().contains("label 12 of item 1"),
                e.getMessage());
    }

    @Test
    void aRootThatDoesNotHoldTheDatasetIsNamedWithoutFlags() {
        for (String name : Datasets.names()) {
            var e = assertThrows(DatasetFormatException.class,
                    () -> Datasets.named(name).locate(dir, Map.of()));
            assertTrue(e.getMessage().startsWith(dir + ": the dataset root does not hold "), e.getMessage());
            assertFalse(e.getMessage().contains("--"), e.getMessage());
        }
    }

    @Test
    void withoutARootIbraDataIsSearchedByName() throws IOException {
        Map<String, String> env = Map.of("IBRA_DATA", dir.toString());
        var e = assertThrows(DatasetNotFoundException.class, () -> Datasets.named("cifar10-dvs").locate(null, env));
        assertTrue(e.getMessage().contains(dir.resolve("cifar10-dvs").toString())
                && e.getMessage().contains("give the dataset root"), e.getMessage());
        DatasetFixtures.writeImageFolder(dir.resolve("image-folder"), List.of("a"), 1, 4);
        assertEquals(dir.resolve("image-folder"), Datasets.named("image-folder").locate(null, env));
        var none = assertThrows(DatasetNotFoundException.class, () -> Datasets.named("cifar100").locate(null, Map.of()));
        assertTrue(none.getMessage().contains("searched []") && none.getMessage().contains("train.bin"),
                none.getMessage());
    }

    @Test
    void stillImagesAreRefusedForAModelThatTakesFrames() throws IOException {
        DatasetFixtures.writeCifar(dir, CifarReader.Variant.CIFAR10, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("cifar10", dir, new LoadOptions(4, EventFrames.Split.COUNT, 1, 32)));
        assertTrue(e.getMessage().contains("takes 4 event frames") && e.getMessage().contains("cifar10-dvs"),
                e.getMessage());
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new LoadOptions(0, EventFrames.Split.TIME, 1, 32));
        assertThrows(IllegalArgumentException.class, () -> new LoadOptions(1, EventFrames.Split.TIME, 0, 32));
        var e = assertThrows(IllegalArgumentException.class, () -> new LoadOptions(1, EventFrames.Split.TIME, 1, 0));
        assertTrue(e.getMessage().contains("image size must be 1..4096, got 0"), e.getMessage());
    }
}
