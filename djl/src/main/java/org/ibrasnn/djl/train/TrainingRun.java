package org.ibrasnn.djl.train;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.djl.ParameterTensors;

/**
 * One training run into a directory: checkpoint and {@code metrics.json} ({@link TrainingRecord}) after every epoch, then
 * {@code model.safetensors} with the spec and provenance. Every file is written atomically, so a killed
 * run leaves either the previous or the new version of each, never half of one. Before anything is written, a
 * plan that would replace a finished model, mix with a run of other settings, start from another network's weights,
 * not fit in memory or not be writable is refused ({@link #check}).
 */
public final class TrainingRun {

    /** File names inside a run directory. */
    public static final String MODEL_FILE = "model.safetensors";
    public static final String METRICS_FILE = "metrics.json";

    /**
     * A validated request: nothing has been written yet. {@code data} (may be null: not recorded) is what the
     * model file says the model reads; {@code init} (may be null: a random start) the weights training starts from.
     */
    public record Plan(ModelSpec model, Recipe recipe, ImageDataset train, ImageDataset test, Path out,
                       boolean resume, Map<String, String> provenance, DatasetRecord data, InitialWeights init) {
        public Plan {
            provenance = Map.copyOf(provenance);
        }

        /** A plan that starts from a random initialisation. */
        public Plan(ModelSpec model, Recipe recipe, ImageDataset train, ImageDataset test, Path out, boolean resume,
                    Map<String, String> provenance, DatasetRecord data) {
            this(model, recipe, train, test, out, resume, provenance, data, null);
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

    /**
     * Refuses a plan that cannot run or would replace or mix with another run, before anything is written: the run
     * directory ({@link RunDirectory#check}), a batch too large for this machine, a checkpoint to resume written
     * with other {@link RunSettings}, and a run directory this process cannot write or that lacks the space.
     */
    public static void check(Plan plan) throws IOException {
        check(plan, RunSettings.of(plan));
    }

    /** {@link #check(Plan)}; returns the checkpoint to resume from, if any. */
    private static Optional<Checkpoint> check(Plan plan, RunSettings settings) throws IOException {
        RunDirectory.check(plan.out(), plan.resume());
        if (plan.init() != null) {
            plan.init().requireNetwork(plan.model());
        }
        Trainer.checkData(plan.model(), plan.train());
        Trainer.checkData(plan.model(), plan.test());
        TrainingMemory.check(plan.model(), plan.recipe().batchSize(), plan.train().size());
        Optional<Checkpoint> saved = plan.resume() ? Checkpoint.read(plan.out()) : Optional.empty();
        saved.ifPresent(c -> c.requireSettings(settings));
        RunDirectory.requireWritable(plan.out(), RunDirectory.bytesWritten(plan.model(), plan.recipe()));
        return saved;
    }

    /**
     * Trains (resuming from the checkpoint when asked and present) and writes the run's files, after
     * {@link #check(Plan)}. A diverged run ends in a {@link TrainingDivergedException} saying what was kept; a run
     * directory it made is removed again when nothing was kept.
     */
    public static Result execute(Plan plan, TrainingListener listener) throws IOException {
        long start = System.nanoTime();
        RunSettings settings = RunSettings.of(plan);
        Optional<Checkpoint> saved = check(plan, settings);
        try (Trainer trainer = new Trainer(plan.model(), plan.recipe(), plan.init())) {
            double earlier = 0;
            if (saved.isPresent()) {
                saved.get().restore(trainer);
                earlier = trainer.history().stream().mapToDouble(EpochMetrics::seconds).sum();
            }
            double before = earlier;
            boolean created = !Files.exists(plan.out());
            Files.createDirectories(plan.out());
            try {
                trainer.train(plan.train(), plan.test(), listener, (t, m) -> {
                    Checkpoint.save(t, settings, plan.out());
                    writeMetrics(plan, t.history(), before + (System.nanoTime() - start) / 1e9, false);
                });
            } catch (TrainingDivergedException e) {
                int kept = trainer.history().size();
                if (kept == 0 && created) {
                    Files.deleteIfExists(plan.out());
                }
                throw e.keeping(kept == 0 ? "no epoch had finished, so no checkpoint was kept"
                        : "the checkpoint of epoch " + kept + " is kept in " + plan.out().resolve(Checkpoint.FILE));
            }
            Map<String, String> provenance = new LinkedHashMap<>(plan.provenance());
            provenance.put("seed", Long.toString(plan.recipe().seed()));
            provenance.put("recipe", new Gson().toJson(plan.recipe()));
            provenance.put("train_images", Integer.toString(plan.train().size()));
            if (plan.init() != null) {
                provenance.put("initialised_from", plan.init().file() + " (sha256 " + plan.init().sha256() + ")");
            }
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
