package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.djl.train.BatchNormRecalibration;
import org.ibrasnn.experiments.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra recalibrate}: a trained model with its BatchNorm statistics re-estimated ("precise BN"). */
@Command(name = "recalibrate", mixinStandardHelpOptions = true,
        description = {"Re-estimate the BatchNorm statistics of a trained model (ibra train, or an SNN from ibra "
                + "convert) for its weights as they are: each running mean and variance becomes the mean of its batch "
                + "means and unbiased batch variances over the first --images training images of the model's "
                + "dataset, in batches of --batch, without augmentation. Every other tensor is kept; the provenance "
                + "says how the statistics were estimated. eval, infer, export and energy take the file written."})
final class RecalibrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOptions data = new DatasetOptions();

    @Option(names = "--model", required = true, description = "Training model file to recalibrate.")
    private Path model;

    @Option(names = "--out", required = true, description = "Model file to write (not the input).")
    private Path out;

    @Option(names = "--images", defaultValue = "12800",
            description = "Training images to estimate on, a multiple of --batch (default: ${DEFAULT-VALUE}).")
    private int images;

    @Option(names = "--batch", defaultValue = "64", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast("--batch", batch, 2);
        if (OptionChecks.atLeast("--images", images, batch) % batch != 0) {
            throw new IllegalArgumentException("--images " + images + " is not a multiple of --batch " + batch);
        }
        BatchNormRecalibration recalibration = new BatchNormRecalibration(images, batch);
        OptionChecks.distinctFiles("--out", out, model, "input model (--model)");
        AtomicFiles.requireWritable(out);
        ModelFile file = ModelFile.read(model);
        Splits splits = data.loadFor(file, Splits.Part.BOTH);
        PrintWriter stdout = spec.commandLine().getOut();
        ModelFile recalibrated;
        try (Progress.Task task = new ConsoleProgress(stdout).start("batchnorm", recalibration.batches())) {
            recalibrated = recalibration.apply(file, splits.train(), task::stepTo);
        }
        recalibrated.write(out);
        stdout.printf("%s: BatchNorm statistics %s -> %s%n", model,
                recalibrated.provenance().get(BatchNormRecalibration.PROVENANCE), out);
        return 0;
    }
}
