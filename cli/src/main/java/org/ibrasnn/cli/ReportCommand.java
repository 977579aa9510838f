package org.ibrasnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ibrasnn.experiments.record.RunInput;
import org.ibrasnn.experiments.report.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ibra report}: one self-contained HTML page about a training run. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write RUN_DIR/report.html, one self-contained page (charts embedded as PNG): training curves, "
                + "per-layer firing rates and 1-bits per neuron, the exact energy breakdown beside the literature's "
                + "estimate, and histograms of the emitted values, from a spike-driven run on test images: taken from "
                + "RUN_DIR/infer.json (ibra infer --json) when it was computed from RUN_DIR/model.safetensors on the "
                + "same data (and --limit, when given), else run. For a detector (task detect) also: the first 16 "
                + "test images with ground truth and detections (score >= 0.25), the class colours with each class's "
                + "AP50 and AP, precision-recall curves per class at IoU 0.50 and COCO's twelve statistics; its model "
                + "always runs, as inference records keep no detections.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOptions data = new DatasetOptions();

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A directory written by ibra train (or quickstart).")
    private Path run;

    @Option(names = "--limit", description = "Test images for the spike-driven run (0: all; default: those of a "
            + "matching RUN_DIR/infer.json, else " + RunInput.DEFAULT_LIMIT + ").")
    private Integer limit;

    @Option(names = "--out", description = "HTML file to write (default: RUN_DIR/report.html).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
        }
        TrainingReport report = TrainingReport.open(run);
        Path target = report.write(data.recordFor(report.model()), data.loadFor(report.model()), limit, out,
                new ConsoleProgress(spec.commandLine().getOut()));
        spec.commandLine().getOut().printf("report: %s%n", target);
        return 0;
    }
}
