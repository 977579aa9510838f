package org.ibrasnn.experiments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.core.io.FileAccess;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.djl.train.TrainingRun;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.experiments.SpikeRun;
import org.ibrasnn.runtime.RunReport;

/**
 * The HTML page about a finished training run: training curves, provenance, firing rates and 1-bits per layer,
 * exact energy beside the literature's estimate, and histograms of the emitted values, from a spike-driven
 * run on test images. One self-contained file: charts embedded as PNG, no script, no external resource.
 */
public final class TrainingReport {

    /** The page's file name in the run directory, unless another target is given. */
    public static final String FILE = "report.html";

    private final Path run;
    private final ModelFile model;
    private final RunMetrics metrics;

    private TrainingReport(Path run, ModelFile model, RunMetrics metrics) {
        this.run = run;
        this.model = model;
        this.metrics = metrics;
    }

    /** Reads a run directory written by a training, or an IllegalArgumentException naming what is missing. */
    public static TrainingReport open(Path run) throws IOException {
        Path metricsFile = run.resolve(TrainingRun.METRICS_FILE);
        Path modelFile = run.resolve(TrainingRun.MODEL_FILE);
        for (Path p : new Path[] {metricsFile, modelFile}) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException(run + " is not a finished training run: " + p.getFileName() + " is missing");
            }
            FileAccess.requireReadableFile(p);
        }
        RunMetrics metrics = RunMetrics.read(metricsFile);
        return new TrainingReport(run, ModelFile.read(modelFile), metrics);
    }

    /** The run's trained model. */
    public ModelFile model() {
        return model;
    }

    /** Runs the model spike-driven on the first {@code limit} images of {@code test} (0: all) and writes the page. */
    public Path write(ImageDataset test, int limit, Path target, Progress progress) throws IOException {
        return write(SpikeRun.spikeDriven(model, test, limit, progress).report(), target);
    }

    /** Writes the page about a spike-driven run of the model to {@code target} (null: the run's {@value #FILE}). */
    public Path write(RunReport spikeRun, Path target) throws IOException {
        Path file = target != null ? target : run.resolve(FILE);
        AtomicFiles.writeString(file, HtmlReport.render(run, model, metrics, spikeRun));
        return file;
    }
}
