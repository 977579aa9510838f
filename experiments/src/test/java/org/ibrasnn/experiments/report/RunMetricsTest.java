package org.ibrasnn.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.json as written today (the task's metrics) and as written before tasks existed (two accuracies). */
class RunMetricsTest {

    @TempDir
    Path dir;

    private RunMetrics read(String json) throws IOException {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, json);
        return RunMetrics.read(file);
    }

    @Test
    void readsARunWrittenBeforeTasks() throws IOException {
        RunMetrics m = read("""
                {
                  "arch": "resnet-tiny",
                  "neuron": "IBRA-LIF(D=5.11, N=100, T=1)",
                  "recipe": {"name": "quick", "epochs": 2},
                  "epochs": [
                    {"epoch": 1, "train_loss": 0.9, "train_accuracy": 0.7, "test_accuracy": 0.8, "seconds": 10.0,
                     "images_per_second": 100.0, "learning_rate": 0.1, "rss_bytes": 1, "peak_rss_bytes": 2},
                    {"epoch": 2, "train_loss": 0.5, "train_accuracy": 0.85, "test_accuracy": 0.9113, "seconds": 9.0,
                     "images_per_second": 110.0, "learning_rate": 0.05, "rss_bytes": 1, "peak_rss_bytes": 2}
                  ],
                  "finished": true,
                  "test_accuracy": 0.9113,
                  "wall_seconds": 19.5,
                  "train_images_per_second": 105.0,
                  "peak_rss_bytes": 2
                }
                """);
        assertEquals(new RunMetrics("accuracy", List.of(1, 2), List.of(0.9, 0.5), List.of(0.7, 0.85),
                List.of(0.8, 0.9113), 0.9113, 19.5), m);
    }

    @Test
    void readsTheTasksMetrics() throws IOException {
        RunMetrics m = read("""
                {"arch": "resnet-tiny", "neuron": "ReLU", "task": "classify", "epochs": [
                  {"epoch": 1, "train_loss": 0.4,
                   "train": {"primary": "accuracy", "values": {"accuracy": 0.6}},
                   "test": {"primary": "accuracy", "values": {"accuracy": 0.75}}}],
                 "finished": true, "test": {"primary": "accuracy", "values": {"accuracy": 0.75}},
                 "wall_seconds": 3.0}
                """);
        assertEquals(new RunMetrics("accuracy", List.of(1), List.of(0.4), List.of(0.6), List.of(0.75), 0.75, 3.0), m);
    }

    @Test
    void aRunBeforeItsFirstEpochHasNoFinalValue() throws IOException {
        RunMetrics m = read("{\"task\": \"classify\", \"epochs\": [], \"finished\": false, \"wall_seconds\": 0.5}");
        assertEquals(0, m.finalTest());
        assertTrue(m.epochs().isEmpty());
    }

    @Test
    void invalidJsonNamesTheFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("[1, 2"));
        assertTrue(e.getMessage().contains("metrics.json is not valid metrics JSON"), e.getMessage());
    }
}
