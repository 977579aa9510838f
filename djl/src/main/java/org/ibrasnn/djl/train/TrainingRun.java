package org.ibrasnn.djl.train;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.djl.ParameterTensors;

/**
 * One training run into a directory: checkpoint and {@code metrics.json} ({@link TrainingRecord}) after every
 * epoch, then {@code model.safetensors} with the spec and provenance. Every file is written atomically, so a killed
 * run leaves either the previous or the new version of each, never half of one.
 */
public final class TrainingRun {

    /** File names inside a run directory. */
    public static final String MODEL_FILE = "model.safetensors";
    public static final String METRICS_FILE = "metrics.json";

    /**
     * A validated request: nothing has been written yet. {@code data} (may be null: not recorded) is what the
     * model file says the model reads.
     */
    public record Plan(ModelSpec model, Recipe recipe, ImageDataset train, ImageDataset test, Path out,
                       boolean resume, Map<String, String> provenance, DatasetRecord data) {
        public Plan {
            provenance = Map.copyOf(provenance);
        }

        /** A plan whose model file does not record its data. */
        public Plan(ModelSpec model, Recipe recipe, ImageDataset train, ImageDataset test, Path out, boolean resume,
                    Map<String, String> provenance) {
            this(model, recipe, train, test, out, resume, provenance, null);
        }
    }

    /** The outcome of a finished run; {@code test}: the task's metrics of the last epoch. */
    public record Result(Metrics test, double wallSeconds, double trainImagesPerSecond,
                         long peakRssBytes, Path model, Path metrics) {}

    private TrainingRun() {}

    /** Refuses to overwrite a finished or interrupted run unless resuming. */
    public static void checkOutput(Path out, boolean resume) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("run directory " + out + " exists and is not a directory");
        }
        boolean hasRun = Files.exists(out.resolve(MODEL_FILE)) || Files.exists(out.resolve(Checkpoint.FILE));
        if (hasRun && !resume) {
            throw new IllegalArgumentException("run directory " + out + " already holds a training run; "
                    + "resume it or choose another directory");
        }
    }

    /** Trains (resuming from the checkpoint when asked and present) and writes the run's files. */
    public static Result execute(Plan plan, TrainingListener listener) throws IOException {
        long start = System.nanoTime();
        try (Trainer trainer = new Trainer(plan.model(), plan.recipe())) {
            double earlier = 0;
            if (plan.resume() && Checkpoint.restore(trainer, plan.out())) {
                earlier = trainer.history().stream().mapToDouble(EpochMetrics::seconds).sum();
            }
            double before = earlier;
            Files.createDirectories(plan.out());
            trainer.train(plan.train(), plan.test(), listener, (t, m) -> {
                Checkpoint.save(t, plan.out());
                writeMetrics(plan, t.history(), before + (System.nanoTime() - start) / 1e9, false);
            });
            Map<String, String> provenance = new LinkedHashMap<>(plan.provenance());
            provenance.put("seed", Long.toString(plan.recipe().seed()));
            provenance.put("recipe", new Gson().toJson(plan.recipe()));
            provenance.put("train_images", Integer.toString(plan.train().size()));
            Path model = plan.out().resolve(MODEL_FILE);
            new ModelFile("training", plan.model(), provenance, ParameterTensors.snapshot(trainer.parameters()),
                    plan.data()).write(model);
            double wall = before + (System.nanoTime() - start) / 1e9;
            TrainingRecord metrics = writeMetrics(plan, trainer.history(), wall, true);
            return new Result(metrics.test(), wall, metrics.trainImagesPerSecond(), metrics.peakRssBytes(),
                    model, plan.out().resolve(METRICS_FILE));
        }
    }

    private static TrainingRecord writeMetrics(Plan plan, List<EpochMetrics> epochs, double wall, boolean finished)
            throws IOException {
        double trainSeconds = epochs.stream().mapToDouble(e -> plan.train().size() / e.imagesPerSecond()).sum();
        TrainingRecord m = new TrainingRecord(plan.model().arch(), plan.model().activation().describe(),
                plan.model().task().name(), plan.recipe(), epochs, finished, wall,
                trainSeconds == 0 ? 0 : epochs.size() * plan.train().size() / trainSeconds,
                ProcessStats.peakRssBytes());
        m.write(plan.out().resolve(METRICS_FILE));
        return m;
    }
}
