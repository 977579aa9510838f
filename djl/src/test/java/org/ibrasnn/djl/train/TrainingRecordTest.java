package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ibrasnn.core.record.RecordFormatException;
import org.ibrasnn.core.task.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.json in the typed schema, in the shapes written before it, and broken. */
class TrainingRecordTest {

    private static final TrainingRecord RECORD = new TrainingRecord("resnet-tiny", "IBRA-LIF(D=5.11, N=100, T=1)",
            "classify", Recipe.quick(1).withEpochs(2), List.of(
                    new EpochMetrics(1, 0.9, Metrics.of("accuracy", 0.7), Metrics.of("accuracy", 0.8), 10, 100, 0.1f,
                            1 << 20, 2 << 20),
                    new EpochMetrics(2, 0.5, Metrics.of("accuracy", 0.85), Metrics.of("accuracy", 0.9113), 9, 110,
                            0.05f, 1 << 20, 2 << 20)),
            true, 19.5, 105, 2 << 20);

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("metrics.json"), json);
    }

    @Test
    void roundTripsWithTheLastTestMetricsDerived() throws IOException {
        Path file = dir.resolve("metrics.json");
        RECORD.write(file);
        String json = Files.readString(file);
        assertTrue(json.startsWith("{\n  \"schema\": \"ibra-snn/training-metrics\",\n  \"schema_version\": 1,"), json);
        assertTrue(json.contains("\"wall_seconds\": 19.5") && json.contains("\"batch_size\": 128")
                && json.endsWith("\"test\": {\n    \"primary\": \"accuracy\",\n    \"values\": {\n      \"accuracy\": 0.9113\n"
                        + "    }\n  }\n}\n"), json);
        assertEquals(RECORD, TrainingRecord.read(file));
        assertEquals(Metrics.of("accuracy", 0.9113), RECORD.test());
        assertNull(new TrainingRecord("a", "n", "classify", Recipe.quick(1), List.of(), false, 0, 0, -1).test());
    }

    /** As the first trainer wrote it: accuracies per split, no memory figures, a recipe without erasing. */
    @Test
    void readsTheFirstShape() throws IOException {
        TrainingRecord r = TrainingRecord.read(file("""
                {"arch": "resnet-tiny", "neuron": "IBRA-LIF(D=5.11, N=100, B=9, alpha=0.25, T=1)",
                 "recipe": {"name": "quick", "epochs": 5, "batch_size": 128, "optimizer": "SGD", "learning_rate": 0.1,
                            "momentum": 0.9, "weight_decay": 5.0E-4, "warmup_epochs": 0.3, "label_smoothing": 0.1,
                            "crop_padding": 0, "horizontal_flip": true, "seed": 1},
                 "epochs": [{"epoch": 1, "train_loss": 1.04, "train_accuracy": 0.77, "test_accuracy": 0.79,
                             "seconds": 112.0, "images_per_second": 567.4, "learning_rate": 3.3333333E-4}],
                 "finished": true, "test_accuracy": 0.79, "wall_seconds": 113.5, "train_images_per_second": 567.4,
                 "peak_rss_bytes": 982769664}
                """));
        assertEquals("classify", r.task());
        assertEquals(Recipe.quick(1), r.recipe());
        assertEquals(new EpochMetrics(1, 1.04, Metrics.of("accuracy", 0.77), Metrics.of("accuracy", 0.79), 112.0,
                567.4, 3.3333333E-4f, -1, -1), r.epochs().getFirst());
        assertEquals(982769664L, r.peakRssBytes());
    }

    /** With memory per epoch and erasing, before tasks; then with tasks, before the schema. */
    @Test
    void readsTheShapesBeforeTasksAndBeforeTheSchema() throws IOException {
        String recipe = """
                "recipe": {"name": "wide", "epochs": 50, "batch_size": 128, "optimizer": "SGD", "learning_rate": 0.1,
                           "momentum": 0.9, "weight_decay": 5.0E-4, "warmup_epochs": 1.0, "label_smoothing": 0.1,
                           "crop_padding": 2, "horizontal_flip": true, "erasing": 0.5, "seed": 1},""";
        String tail = """
                "seconds": 171.2, "images_per_second": 388.4, "learning_rate": 1.0E-4, "rss_bytes": 1386680320,
                "peak_rss_bytes": 1386680320}],
                "finished": false, "wall_seconds": 171.5, "train_images_per_second": 388.4, "peak_rss_bytes": 1386680320}
                """;
        EpochMetrics expected = new EpochMetrics(1, 1.29, Metrics.of("accuracy", 0.65), Metrics.of("accuracy", 0.73),
                171.2, 388.4, 1.0E-4f, 1386680320, 1386680320);
        TrainingRecord beforeTasks = TrainingRecord.read(file("{\"arch\": \"resnet-wide\", \"neuron\": \"ReLU\", "
                + recipe + "\"epochs\": [{\"epoch\": 1, \"train_loss\": 1.29, \"train_accuracy\": 0.65, "
                + "\"test_accuracy\": 0.73, " + tail));
        assertEquals(List.of(expected), beforeTasks.epochs());
        assertEquals(Recipe.wide(1), beforeTasks.recipe());
        TrainingRecord withTasks = TrainingRecord.read(file("{\"arch\": \"resnet-wide\", \"neuron\": \"ReLU\", "
                + "\"task\": \"classify\", " + recipe + "\"epochs\": [{\"epoch\": 1, \"train_loss\": 1.29, "
                + "\"train\": {\"primary\": \"accuracy\", \"values\": {\"accuracy\": 0.65}}, "
                + "\"test\": {\"primary\": \"accuracy\", \"values\": {\"accuracy\": 0.73}}, " + tail));
        assertEquals(beforeTasks, withTasks);
    }

    private String broken(String from, String to) throws IOException {
        Path file = dir.resolve("metrics.json");
        RECORD.write(file);
        String json = Files.readString(file);
        assertTrue(json.contains(from), from);
        Files.writeString(file, json.replace(from, to));
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> TrainingRecord.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.fault();
    }

    @Test
    void namesTheFileAndTheFieldOfABrokenRecord() throws IOException {
        assertEquals("field 'epochs[1].train_loss' is missing", broken("\"train_loss\": 0.5,", ""));
        assertEquals("field 'recipe.epochs' must be an integer, got \"2\"", broken("\"epochs\": 2,", "\"epochs\": \"2\","));
        assertEquals("field 'schema' is 'ibra-snn/inference', not 'ibra-snn/training-metrics'",
                broken("ibra-snn/training-metrics", "ibra-snn/inference"));
        assertTrue(broken("\"schema_version\": 1", "\"schema_version\": 2").startsWith(
                "field 'schema_version' is 2: written by a newer ibra-snn"));
        assertEquals("field 'recipe' is invalid: epochs must be >= 1, got 0", broken("\"epochs\": 2,", "\"epochs\": 0,"));
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, Files.readString(file).substring(0, 200));
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> TrainingRecord.read(file));
        assertTrue(e.getMessage().startsWith(file + ": is not complete JSON") && e.getMessage().contains("$.recipe"),
                e.getMessage());
    }

    @Test
    void anOldShapeStillNeedsItsFields() throws IOException {
        Path file = file("{\"arch\": \"a\", \"neuron\": \"n\", \"epochs\": [], \"finished\": false, \"wall_seconds\": 1}");
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> TrainingRecord.read(file));
        assertEquals(file + ": field 'recipe' is missing", e.getMessage());
    }
}
