package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.core.task.Tasks;
import org.ibrasnn.djl.train.InitialWeights;
import org.ibrasnn.djl.train.PlanRefusedException;
import org.ibrasnn.djl.train.Recipe;
import org.ibrasnn.djl.train.RunDirectory;
import org.ibrasnn.djl.train.TrainingDivergedException;
import org.ibrasnn.djl.train.TrainingRun;
import org.ibrasnn.experiments.provenance.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra train}: trains a network and writes the model file, metrics and checkpoints. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a spiking network (or its ReLU ANN twin) and write DIR/model.safetensors, "
                + "DIR/metrics.json and a checkpoint per epoch.")
final class TrainCommand implements Callable<Integer> {

    /** The options that describe the neuron ({@link NeuronOptions}). */
    private static final Set<String> NEURON_OPTIONS = Set.of("--neuron", "--D", "--N", "--T", "--alpha", "--threshold",
            "--reset");

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOptions data = new DatasetOptions();

    @Mixin
    private NeuronOptions neuron = new NeuronOptions();

    @Mixin
    private RecipeOptions recipeOptions = new RecipeOptions();

    @Option(names = "--task", description = "Task: classify or detect (default: the architecture's). With detect, "
            + "--arch defaults to spikeyolo-pico-conv, --recipe to detect and --dataset to coco.")
    private String taskName;

    @Option(names = "--arch", description = "Architecture: ${COMPLETION-CANDIDATES} (default: resnet-tiny, or "
            + "spikeyolo-pico-conv for --task detect).", completionCandidates = ArchitectureNames.class)
    private String arch;

    @Option(names = "--out", required = true, description = "Run directory to write.")
    private Path out;

    @Option(names = "--train-limit", defaultValue = "0",
            description = "Train on the first K training images only (0: all), e.g. for benchmarks.")
    private int trainLimit;

    @Option(names = "--init", paramLabel = "FILE", description = "Start from the weights of this training model file "
            + "(from ibra train, or an SNN from ibra convert, to fine-tune it) instead of a random initialisation. "
            + "The network is the file's: --arch, --task and the neuron options may only repeat it.")
    private Path init;

    @Option(names = "--resume", description = "Continue from DIR's checkpoint; refused if it was written with other "
            + "options or data. A finished model in DIR is never replaced.")
    private boolean resume;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingRun.Plan plan = plan();
        stdout.printf("training %s with %s, recipe %s (%d epochs, batch %d, seed %d%s%s) on %s -> %s%n",
                plan.model().arch(), plan.model().activation().describe(), plan.recipe().name(),
                plan.recipe().epochs(), plan.recipe().batchSize(), plan.recipe().seed(),
                plan.recipe().averaging() > 0 ? ", weight average " + plan.recipe().averaging() : "",
                plan.recipe().gradientClip() > 0 ? ", gradient clipped to " + plan.recipe().gradientClip() : "",
                plan.train().name(), out);
        stdout.flush();
        TrainingRun.Result result;
        try (ProgressListener progress = new ProgressListener(System.err)) {
            result = TrainingRun.execute(plan, progress);
        } catch (TrainingDivergedException e) {
            throw new IllegalArgumentException(e.getMessage() + " (--lr, now " + plan.recipe().learningRate() + ")", e);
        }
        stdout.printf("test %s %.2f%% after %.0f s (%.0f train images/s, peak RSS %d MiB)%n"
                + "model: %s%nmetrics: %s%n", result.test().primary(), 100 * result.test().value(),
                result.wallSeconds(), result.trainImagesPerSecond(), result.peakRssBytes() >> 20, result.model(), result.metrics());
        return 0;
    }

    /**
     * Everything validated before anything is written under {@code --out}: the options, the run directory (before
     * the data is read), then the plan as a whole (memory, the checkpoint to resume, writability).
     */
    TrainingRun.Plan plan() throws IOException {
        OptionChecks.atLeast("--train-limit", trainLimit, 0);
        InitialWeights initial = init == null ? null : InitialWeights.read(init);
        String archName = initial == null ? architecture() : initial.model().spec().arch();
        Task built = Architectures.taskOf(archName);
        requireAskedTask(archName, built);
        boolean detector = built.boxTargets();
        if (detector) {
            data.defaultTo("coco");
        }
        Recipe recipe = recipeOptions.recipe(detector ? "detect" : "quick");
        var activation = initial == null ? neuron.activation() : initial.model().spec().activation();
        if (initial != null) {
            requireSameNetwork(initial);
        }
        try {
            RunDirectory.check(out, resume);
            int frames = data.events() ? activation.timesteps() : 1;
            Splits splits = data.load(frames);
            Shape shape = splits.train().shape();
            ModelSpec model = Architectures.build(archName, new Shape(shape.channels() / frames, shape.height(),
                    shape.width()), splits.train().classes(), activation);
            if (frames > 1) {
                model = model.withInputFrames(frames);
            }
            var train = trainLimit > 0 ? splits.train().head(trainLimit) : splits.train();
            TrainingRun.Plan plan = new TrainingRun.Plan(model, recipe, train, splits.test(), out, resume,
                    BuildInfo.current().provenance(splits.checksum()), data.record(), initial);
            TrainingRun.check(plan);
            return plan;
        } catch (PlanRefusedException e) {
            throw TrainingFlags.named(e);
        }
    }

    /**
     * Refuses an {@code --arch} or neuron option that contradicts the {@code --init} file's network; the network built
     * from the data must then equal the file's ({@link InitialWeights}).
     */
    private void requireSameNetwork(InitialWeights initial) {
        ModelSpec file = initial.model().spec();
        if (arch != null && !arch.equals(file.arch())) {
            throw new IllegalArgumentException("--arch " + arch + " contradicts --init " + init + ", which holds "
                    + file.arch());
        }
        boolean neuronGiven = spec.commandLine().getParseResult().matchedOptions().stream()
                .anyMatch(o -> NEURON_OPTIONS.contains(o.longestName()));
        if (neuronGiven && !neuron.activation().equals(file.activation())) {
            throw new IllegalArgumentException("the neuron options (" + neuron.activation().describe()
                    + ") contradict --init " + init + ", which holds " + file.activation().describe());
        }
    }

    /** {@code --arch}, or the default of {@code --task}. */
    private String architecture() {
        if (arch != null) {
            return arch;
        }
        return taskName != null && Tasks.named(taskName).boxTargets() ? Architectures.DETECTOR : "resnet-tiny";
    }

    /** Refuses an architecture built for another task than {@code --task}. */
    private void requireAskedTask(String name, Task built) {
        Task task = taskName == null ? null : Tasks.named(taskName);
        if (task != null && built != task) {
            throw new IllegalArgumentException("--arch " + name + " is built for the task '" + built.name()
                    + "', not for --task " + task.name());
        }
    }

    /** Completion candidates for {@code --arch}. */
    static final class ArchitectureNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Architectures.names().iterator();
        }
    }
}
