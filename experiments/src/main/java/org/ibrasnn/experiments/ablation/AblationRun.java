package org.ibrasnn.experiments.ablation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.djl.train.Recipe;
import org.ibrasnn.djl.train.TrainingRun;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.experiments.SpikeRun;
import org.ibrasnn.experiments.conversion.AnnToSnn;
import org.ibrasnn.experiments.provenance.BuildInfo;
import org.ibrasnn.experiments.report.Json;

/**
 * Runs an ablation: trains each of its models into {@code out/<setting>/} (a finished model is reused, also
 * across ablations sharing {@code out}; an interrupted one resumes from its checkpoint) or converts it from the
 * ReLU ANN trained there ({@link Ablation.Entry#conversion()}), runs each on the test
 * images with the spike-driven runtime and writes {@code out/<name>.md}, {@code .json} and {@code .png}. The
 * shared settings are recorded in {@code out/settings.json}; a directory trained with other settings is refused.
 */
public final class AblationRun {

    private AblationRun() {}

    /**
     * What to run: the ablation, the architecture and recipe every model shares, the dataset (and what the model
     * files record of it) with the first {@code trainLimit} training and {@code testLimit} test images used (0: all),
     * and the output directory. Refused in one line when the architecture or the data do not serve the ablation's
     * task.
     */
    public record Plan(Ablation ablation, String arch, Recipe recipe, Splits data, DatasetRecord dataRecord,
                       int trainLimit, int testLimit, Path out) {
        public Plan {
            if (trainLimit < 0 || testLimit < 0) {
                throw new IllegalArgumentException("image limits must be >= 0, got " + trainLimit + " training and "
                        + testLimit + " test images");
            }
            requireTask(ablation, arch, data, dataRecord);
        }
    }

    /** The rows of the finished table, its Markdown and the three files written. */
    public record Result(List<AblationRow> rows, String markdown, Path markdownFile, Path jsonFile, Path chartFile) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    /** Trains what is missing, runs every model and writes the table; each model is announced as a note. */
    public static Result execute(Plan plan, Progress progress) throws IOException {
        ImageDataset train = plan.trainLimit() > 0 ? plan.data().train().head(plan.trainLimit()) : plan.data().train();
        ImageDataset test = plan.testLimit() > 0 ? plan.data().test().head(plan.testLimit()) : plan.data().test();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("arch", plan.arch());
        settings.put("recipe", plan.recipe().name());
        settings.put("epochs", plan.recipe().epochs());
        settings.put("seed", plan.recipe().seed());
        settings.putAll(changedFromNamed(plan.recipe()));
        settings.put("train_images", train.size());
        settings.put("test_images", test.size());
        settings.put("dataset", plan.data().directory() + " (sha256 " + plan.data().checksum() + ")");
        claim(plan.out(), settings);

        List<AblationRow> rows = new ArrayList<>();
        for (Ablation.Entry entry : plan.ablation().entries()) {
            Path dir = plan.out().resolve(entry.directory());
            progress.note(String.format("%s: %s -> %s", plan.ablation().fileName(), entry.label(), dir));
            Path file = dir.resolve(TrainingRun.MODEL_FILE);
            if (!Files.exists(file) && entry.conversion() != null) {
                convert(plan, entry, train, file, progress);
            } else if (!Files.exists(file)) {
                var model = Architectures.build(plan.arch(), train.shape(), train.classes(), entry.activation());
                TrainingRun.execute(new TrainingRun.Plan(model, plan.recipe(), train, test, dir, true,
                        BuildInfo.current().provenance(plan.data().checksum()), plan.dataRecord()), progress.training());
            }
            ModelFile model = ModelFile.read(file);
            String origin = entry.conversion() == null ? "trained"
                    : "converted from the ReLU ANN, " + entry.conversion().capped(train.size()).describe();
            rows.add(new AblationRow(entry, model.spec(), SpikeRun.spikeDriven(model, test, 0, progress).report(),
                    origin));
        }
        return AblationOutput.write(plan.ablation(), rows, settings, plan.out());
    }

    /**
     * Writes {@code file}: the ablation's ReLU ANN (trained earlier in its list) converted to the entry's neuron,
     * calibrated on the run's training images.
     */
    private static void convert(Plan plan, Ablation.Entry entry, ImageDataset train, Path file, Progress progress)
            throws IOException {
        Ablation.Entry annEntry = plan.ablation().entries().stream()
                .filter(e -> e.activation() instanceof Relu && e.conversion() == null).findFirst()
                .orElseThrow(() -> new IllegalStateException(plan.ablation().fileName()
                        + " has no ReLU ANN to convert"));
        ModelFile ann = ModelFile.read(plan.out().resolve(annEntry.directory()).resolve(TrainingRun.MODEL_FILE));
        ModelFile snn = AnnToSnn.plain(ann).calibrated(train, entry.conversion(), progress)
                .convert((NeuronSpec) entry.activation());
        Files.createDirectories(file.getParent());
        snn.write(file);
    }

    /** The recipe fields an ablation may change from the named recipe, by their name in {@code settings.json}. */
    static final Map<String, Function<Recipe, Object>> CHANGEABLE = changeable();

    private static Map<String, Function<Recipe, Object>> changeable() {
        Map<String, Function<Recipe, Object>> fields = new LinkedHashMap<>();
        fields.put("batch_size", Recipe::batchSize);
        fields.put("learning_rate", Recipe::learningRate);
        fields.put("averaging", Recipe::averaging);
        fields.put("gradient_clip", Recipe::gradientClip);
        return Collections.unmodifiableMap(fields);
    }

    /**
     * The {@link #CHANGEABLE} fields where they differ from the named recipe's, so that the settings of an ablation
     * run with the recipe as named read as before.
     */
    static Map<String, Object> changedFromNamed(Recipe recipe) {
        Recipe named = Recipe.named(recipe.name(), recipe.seed());
        Map<String, Object> changed = new LinkedHashMap<>();
        CHANGEABLE.forEach((name, field) -> {
            if (!field.apply(recipe).equals(field.apply(named))) {
                changed.put(name, field.apply(recipe));
            }
        });
        return changed;
    }

    /** Refuses, in one line, an architecture or dataset that does not serve the ablation's task. */
    private static void requireTask(Ablation ablation, String arch, Splits data, DatasetRecord dataRecord) {
        Task task = ablation.task();
        Task built = Architectures.taskOf(arch);
        if (built != task) {
            throw new IllegalArgumentException(ablation.fileName() + " needs an architecture for the task '"
                    + task.name() + "'; " + arch + " is built for '" + built.name() + "'");
        }
        if (data.train().hasBoxes() != task.boxTargets()) {
            throw new IllegalArgumentException(ablation.fileName() + " needs " + (task.boxTargets()
                    ? "a detection dataset (coco, yolo); " + dataRecord.dataset() + " holds class labels"
                    : "a dataset of class labels; " + dataRecord.dataset() + " holds boxes"));
        }
    }

    /** Records the shared settings in {@code out}, or refuses an {@code out} whose models had other settings. */
    private static void claim(Path out, Map<String, Object> settings) throws IOException {
        Path file = out.resolve("settings.json");
        String json = Json.pretty(settings);
        if (Files.exists(file)) {
            String existing = Files.readString(file);
            if (!existing.equals(json)) {
                throw new IllegalArgumentException(out + " holds models trained with other settings:\n" + existing
                        + "choose another directory, or repeat those settings");
            }
            return;
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(file, json);
    }
}
