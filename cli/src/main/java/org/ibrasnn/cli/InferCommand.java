package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.experiments.SpikeRun;
import org.ibrasnn.experiments.record.InferenceRecord;
import org.ibrasnn.experiments.record.RunInput;
import org.ibrasnn.runtime.LayerReport;
import org.ibrasnn.runtime.RunReport;
import org.ibrasnn.runtime.SpikeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra infer}: spike-driven inference with exact operation counts. */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = "Run a model on the test split with the pure-Java spike-driven runtime and print the task's metric, "
                + "exact per-layer MACs/SOPs/spikes and throughput.")
final class InferCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOptions data = new DatasetOptions();

    @Option(names = "--model", required = true,
            description = "Inference model (ibra export) or training model (folded on the fly).")
    private Path model;

    @Option(names = "--limit", defaultValue = "0", description = "Only the first K test images (0: all).")
    private int limit;

    @Option(names = "--dense", description = "Dense reference mode (integer activations, ordinary convolution).")
    private boolean dense;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    private Integer threads;

    @Option(names = "--json", description = "Write the inference record to this file: the task's metrics, per-layer "
            + "counts and totals, and what they were computed from (model SHA-256, data, images, mode). ibra report "
            + "and ibra energy reuse it as infer.json beside the model instead of running the model again.")
    private Path json;

    @Option(names = "--detections", description = "Detection models: write the detections as a COCO results file "
            + "(a JSON array of image_id, category_id, bbox [x, y, w, h], score) in the ids of the dataset's COCO "
            + "file. With --limit it covers the first K images only.")
    private Path detections;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast("--limit", limit, 0);
        OptionChecks.atLeast("--threads", threads, 1);
        ModelFile file = ModelFile.read(model);
        DetectionsOption.check(detections, model, file);
        if (file.spec().task().boxTargets()) {
            data.defaultTo("coco");
        }
        RunInput input = data.inputFor(model, file);
        SpikeRuntime.Mode mode = dense ? SpikeRuntime.Mode.DENSE : SpikeRuntime.Mode.SPIKE_DRIVEN;
        PrintWriter out = spec.commandLine().getOut();
        RunReport run = input.run(limit, mode, threads != null ? threads : SpikeRun.allCores(), new ConsoleProgress(out));
        InferenceRecord record = input.record(run, mode);
        print(out, record);
        if (DetectionScores.present(run.score())) {
            DetectionScores.printConfusion(out, run.predictions(), input.splits());
        }
        DetectionsOption.write(detections, run.predictions(), input.splits().test(), out);
        if (json != null) {
            record.write(json);
        }
        return 0;
    }

    static void print(PrintWriter out, InferenceRecord record) {
        RunReport r = record.report();
        out.printf("%s, %s, %s mode: %s on %d images, %.1f images/s, T=%d, virtual steps %d%n",
                record.arch(), record.neuron(), r.mode(), DetectionScores.headline(r.score()), r.images(),
                r.imagesPerSecond(), r.timesteps(), r.virtualSteps());
        if (DetectionScores.present(r.score())) {
            DetectionScores.printStatistics(out, r.score());
        }
        out.printf("%-22s %-7s %14s %14s %12s %9s %10s%n", "layer", "kind", "MACs/img", "SOPs/img", "spikes/img",
                "fire rate", "1s/neuron");
        for (LayerReport l : r.layers()) {
            out.printf("%-22s %-7s %14.0f %14.0f %12.0f %9.4f %10.3f%n", l.name(), l.kind(),
                    (double) l.macs() / r.images(), (double) l.sops() / r.images(), (double) l.spikes() / r.images(),
                    l.firingRate(), l.onesPerNeuronPerStep());
        }
        out.printf("%-30s %14.0f %14.0f%n", "total per image", r.macsPerImage(),
                r.sopsPerImage());
        if (r.timesteps() > 1) {
            out.printf("SOPs per image at timesteps 1..%d: %s%n", r.timesteps(), r.sopsPerTimestep().stream()
                    .map(s -> String.format("%.0f", (double) s / r.images())).toList());
        }
    }
}
