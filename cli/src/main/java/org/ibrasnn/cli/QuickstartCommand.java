package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.djl.train.Recipe;
import org.ibrasnn.djl.train.TrainingRun;
import org.ibrasnn.experiments.Quickstart;
import org.ibrasnn.runtime.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra quickstart}: the main job end to end on the default dataset. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Find (or install) Fashion-MNIST, train the default IBRA-LIF network (D=5.11, N=100, T=1) "
                + "with the quick recipe, run it spike-driven with exact operation counts and print a summary.")
final class QuickstartCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", description = "Run directory (default: runs/quickstart-<date-time>).")
    private Path out;

    @Option(names = "--epochs", description = "Epochs (default: the quick recipe's).")
    private Integer epochs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        OptionChecks.atLeast("--epochs", epochs, 1);
        PrintWriter stdout = spec.commandLine().getOut();
        Path dir = out != null ? out : Path.of("runs", "quickstart-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        stdout.println("[1/4] Fashion-MNIST");
        Splits splits = DatasetInstaller.findOrInstall(stdout);
        stdout.printf("      %d train / %d test images from %s%n", splits.train().size(), splits.test().size(),
                splits.directory());
        Recipe recipe = epochs == null ? Recipe.quick(1) : Recipe.quick(1).withEpochs(epochs);
        Quickstart.Result done = Quickstart.execute(splits, recipe, dir, new ConsoleProgress(stdout));
        InferCommand.print(stdout, done.inference());
        TrainingRun.Result result = done.training();
        RunReport spikes = done.inference().report();
        stdout.println("[4/4] summary");
        stdout.printf("      %-15s %.2f%% (dense training form, %d test images)%n", "test " + result.test().primary(),
                100 * result.test().value(), splits.test().size());
        stdout.printf("      wall time       %.0f s, %.0f train images/s, peak RSS %d MiB%n", result.wallSeconds(),
                result.trainImagesPerSecond(), result.peakRssBytes() >> 20);
        stdout.printf("      spike-driven    %.2f%% %s, %.0f MACs + %.0f SOPs per image, %.0f images/s%n",
                100 * spikes.score().value(), spikes.score().primary(), spikes.macsPerImage(),
                spikes.sopsPerImage(), spikes.imagesPerSecond());
        stdout.printf("      files           %s, %s, %s, %s%n", result.model(), done.inferenceModel(), result.metrics(),
                done.inferJson());
        stdout.printf("      report          %s (open it in a browser)%n", done.report());
        return 0;
    }
}
