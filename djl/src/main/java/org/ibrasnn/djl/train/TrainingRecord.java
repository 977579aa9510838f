package org.ibrasnn.djl.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.record.RecordJson;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.core.task.Tasks;

/**
 * A training run's {@code metrics.json} ({@link #SCHEMA}): architecture, neuron setting, task and recipe, every
 * finished epoch, whether the run finished, its wall time, training throughput and peak resident memory (-1: not
 * measured). {@link TrainingRun} writes it after every epoch, with the last epoch's test metrics as the derived
 * {@code test}; {@link #read} reads it strictly, and also reads the files written before the schema existed.
 */
public record TrainingRecord(String arch, String neuron, String task, Recipe recipe, List<EpochMetrics> epochs,
                             boolean finished, double wallSeconds, double trainImagesPerSecond, long peakRssBytes) {

    /** The schema of training records. */
    public static final RecordJson.Schema SCHEMA = new RecordJson.Schema("ibra-snn/training-metrics", 1);

    public TrainingRecord {
        epochs = List.copyOf(epochs);
    }

    /** The task's metrics on the test images after the last epoch, or null before the first epoch ends. */
    public Metrics test() {
        return epochs.isEmpty() ? null : epochs.getLast().test();
    }

    /** Writes the record atomically. */
    public void write(Path file) throws IOException {
        RecordJson.write(file, SCHEMA, this, test() == null ? Map.of() : Map.of("test", test()));
    }

    /** Reads a record, or a {@link org.ibrasnn.core.record.RecordFormatException} naming the file and the field. */
    public static TrainingRecord read(Path file) throws IOException {
        return RecordJson.read(file, SCHEMA, TrainingRecord.class, TrainingRecord::upgrade);
    }

    /**
     * A metrics file written before the schema in the current shape: runs before tasks trained classifiers and
     * kept each split's accuracy as {@code <split>_accuracy}; recipes before random erasing, weight averaging or
     * gradient clipping did none of them; epochs before memory was measured get -1 (not measured), as where
     * {@code /proc} is missing. Anything else is left for the strict reader to name.
     */
    private static JsonObject upgrade(JsonObject o) {
        if (!o.has("task")) {
            o.addProperty("task", Tasks.DEFAULT.name());
        }
        if (o.get("recipe") instanceof JsonObject recipe) {
            for (String off : List.of("erasing", "averaging", "gradient_clip")) {
                if (!recipe.has(off)) {
                    recipe.addProperty(off, 0);
                }
            }
        }
        if (o.get("epochs") instanceof JsonArray epochs) {
            for (JsonElement e : epochs) {
                if (e instanceof JsonObject epoch) {
                    EpochMetrics.upgradeScores(epoch, (split, metric) -> split + "_" + metric);
                    for (String memory : List.of("rss_bytes", "peak_rss_bytes")) {
                        if (!epoch.has(memory)) {
                            epoch.addProperty(memory, -1);
                        }
                    }
                }
            }
        }
        return o;
    }
}
