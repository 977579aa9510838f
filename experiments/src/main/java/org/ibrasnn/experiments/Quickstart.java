package org.ibrasnn.experiments;

import java.io.IOException;
import java.nio.file.Path;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.LoadOptions;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.djl.train.Recipe;
import org.ibrasnn.djl.train.RunDirectory;
import org.ibrasnn.djl.train.TrainingRun;
import org.ibrasnn.experiments.provenance.BuildInfo;
import org.ibrasnn.experiments.record.InferenceRecord;
import org.ibrasnn.experiments.record.RunInput;
import org.ibrasnn.experiments.report.TrainingReport;
import org.ibrasnn.runtime.InferenceExport;
import org.ibrasnn.runtime.SpikeRuntime;

/**
 * The main job end to end, steps 2 to 4 of four (step 1, finding the data, is the caller's): trains
 * {@code resnet-tiny} with IBRA-LIF (D = 5.11, N = 100, T = 1), folds it into {@code inference.safetensors},
 * runs it spike-driven on the test images (folded the same way) into the inference record {@code infer.json},
 * which {@code report} and {@code energy} reuse, and writes {@code report.html}. The steps are announced as notes.
 */
public final class Quickstart {

    /** The architecture trained. */
    public static final String ARCH = "resnet-tiny";

    private Quickstart() {}

    /** The training's outcome, the inference model, the record of the spike-driven run and the files written. */
    public record Result(TrainingRun.Result training, Path inferenceModel, InferenceRecord inference, Path inferJson,
                         Path report) {}

    /** Runs the quickstart on {@code data} with {@code recipe} into the new run directory {@code dir}. */
    public static Result execute(Splits data, Recipe recipe, Path dir, Progress progress) throws IOException {
        ModelSpec model = Architectures.build(ARCH, data.train().shape(), data.train().classes(),
                IbraLifSpec.paperDefault(1));
        RunDirectory.check(dir, false);
        progress.note(String.format("[2/4] training %s with %s, %d epochs -> %s", model.arch(),
                model.activation().describe(), recipe.epochs(), dir));
        DatasetRecord fashionMnist = DatasetRecord.of("fashion-mnist", LoadOptions.defaults());
        TrainingRun.Result training = TrainingRun.execute(new TrainingRun.Plan(model, recipe, data.train(), data.test(),
                dir, false, BuildInfo.current().provenance(data.checksum()), fashionMnist), progress.training());
        progress.note("[3/4] spike-driven inference (pure-Java runtime, BN and 1/N folded, accumulate-only)");
        ModelFile trained = ModelFile.read(training.model());
        Path inferenceFile = dir.resolve("inference.safetensors");
        InferenceExport.fold(trained).write(inferenceFile);
        InferenceRecord inference = new RunInput(training.model(), trained, fashionMnist, data)
                .infer(0, SpikeRuntime.Mode.SPIKE_DRIVEN, SpikeRun.allCores(), progress);
        Path inferJson = dir.resolve(InferenceRecord.FILE);
        inference.write(inferJson);
        Path report = TrainingReport.open(dir).write(inference.report(), data, null);
        return new Result(training, inferenceFile, inference, inferJson, report);
    }
}
