package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.djl.train.Recipe;
import org.ibrasnn.experiments.ablation.Ablation;
import org.ibrasnn.experiments.ablation.AblationRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ibra ablation}: trains the models of one of the paper's tables or figures and tabulates them. */
@Command(name = "ablation", mixinStandardHelpOptions = true,
        description = {"Train every model of one of the paper's ablations with the same architecture, recipe and "
                + "seed, run each on the test set with the spike-driven runtime, and write DIR/<name>.md, "
                + "DIR/<name>.json and DIR/<name>.png.",
            "table4: ReLU ANN, LIF (T=4), I-LIF (1x4), IBRA-LIF (1x1.5, N=10), IBRA-LIF (1x5.11, N=100).",
            "table1: IBRA-LIF with D x N = 2^B - 1 for N = 10, 100, 1000, and unclipped D for N = 100, 1000.",
            "figure3: histograms of emitted values, IB-LIF (D=15) against IBRA-LIF (D=1.5, N=10).",
            "table6: detection (mAP@50, mAP@50:95) with ReLU, I-LIF (1x4) and IBRA-LIF (1x5.11, N=100), then the "
                + "ReLU model converted to that IBRA-LIF (calibrated on 2000 training images, not trained); defaults "
                + "--arch spikeyolo-pico-conv, --recipe detect, --dataset coco (a detection set is required).",
            "Every model shares the recipe, with the --epochs, --batch, --lr, --average and --seed given.",
            "Each model trains (or is converted) into DIR/<setting>/; a finished one is reused (also across "
                + "ablations sharing DIR), an interrupted one resumes from its checkpoint."})
final class AblationCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOptions data = new DatasetOptions();

    @Mixin
    private RecipeOptions recipeOptions = new RecipeOptions();

    @Parameters(index = "0", paramLabel = "ABLATION", description = "table4, table1, figure3 or table6.")
    private String which;

    @Option(names = "--out", required = true, description = "Directory for the models and the tables.")
    private Path out;

    @Option(names = "--quick", description = "Quick form: 2 epochs on 30000 training images, 2000 test images "
            + "(about 15 minutes for table4 on 2 cores); table6: 1 epoch on 2000 training scenes, 500 test scenes.")
    private boolean quick;

    @Option(names = "--arch", description = "Architecture (default: resnet-tiny, spikeyolo-pico-conv for table6).")
    private String arch;

    @Option(names = "--train-limit", description = "First K training images (default: all, or the quick form's).")
    private Integer trainLimit;

    @Option(names = "--test-limit", description = "First K test images (default: all, or the quick form's).")
    private Integer testLimit;

    @Override
    public Integer call() throws IOException {
        Ablation ablation = Ablation.parse(which);
        Ablation.Defaults defaults = ablation.defaults();
        Recipe recipe = recipeOptions.recipe(defaults.recipe());
        if (quick && !recipeOptions.epochsGiven()) {
            recipe = recipe.withEpochs(defaults.quickEpochs());
        }
        int trainCount = OptionChecks.atLeast("--train-limit", trainLimit != null ? trainLimit
                : quick ? defaults.quickTrain() : 0, 0);
        int testCount = OptionChecks.atLeast("--test-limit", testLimit != null ? testLimit
                : quick ? defaults.quickTest() : 0, 0);
        String archName = arch != null ? arch : defaults.arch();
        Architectures.taskOf(archName); // an unknown name is refused before the data is read
        data.defaultTo(defaults.dataset());
        if (data.events()) {
            throw new IllegalArgumentException("ablations run on still images; their settings use different T");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        AblationRun.Result result = AblationRun.execute(new AblationRun.Plan(ablation, archName, recipe, data.load(),
                data.record(), trainCount, testCount, out), new ConsoleProgress(stdout));
        stdout.print(result.markdown());
        stdout.printf("%nwrote %s, %s and %s%n", result.markdownFile(), result.jsonFile(), result.chartFile());
        return 0;
    }
}
