package org.ibrasnn.experiments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.core.io.FileAccess;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.task.Detection;
import org.ibrasnn.djl.train.TrainingRecord;
import org.ibrasnn.djl.train.TrainingRun;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.experiments.record.InferenceRecord;
import org.ibrasnn.experiments.record.RunInput;
import org.ibrasnn.runtime.RunReport;

/**
 * The HTML page about a finished training run: training curves, provenance, firing rates and 1-bits per layer,
 * exact energy beside the literature's estimate, and histograms of the emitted values, from a spike-driven
 * run on test images; for a detector also pictures of its detections, precision-recall curves and AP per class,
 * and COCO's twelve statistics. One self-contained file: charts embedded as PNG, no script, no external resource.
 */
public final class TrainingReport {

    /** The page's file name in the run directory, unless another target is given. */
    public static final String FILE = "report.html";

    private final Path run;
    private final ModelFile model;
    private final TrainingRecord metrics;

    private TrainingReport(Path run, ModelFile model, TrainingRecord metrics) {
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
        TrainingRecord metrics = TrainingRecord.read(metricsFile);
        return new TrainingReport(run, ModelFile.read(modelFile), metrics);
    }

    /** The run's trained model. */
    public ModelFile model() {
        return model;
    }

    /**
     * Writes the page about a spike-driven run of the model on the test images of {@code splits}, read as
     * {@code data} describes: the run's {@value InferenceRecord#FILE} when it matches, else a run on the first
     * {@code limit} images ({@link RunInput#spikeDriven} says how {@code limit} and the record are used). A detector's
     * page draws each image's detections, which a record does not keep: its model always runs.
     */
    public Path write(DatasetRecord data, Splits splits, Integer limit, Path target, Progress progress)
            throws IOException {
        RunInput input = new RunInput(run.resolve(TrainingRun.MODEL_FILE), model, data, splits);
        Path record = run.resolve(InferenceRecord.FILE);
        boolean detector = Detection.NAME.equals(model.spec().task().name());
        if (detector && Files.isRegularFile(record)) {
            progress.note("not using inference record " + record + ": a detection report draws each image's "
                    + "detections, which the record does not keep");
        }
        return write(input.spikeDriven(limit, detector ? null : record, false, progress), splits, target);
    }

    /**
     * Writes the page about a spike-driven run of the model on the first test images of {@code splits} to
     * {@code target} (null: the run's {@value #FILE}).
     */
    public Path write(RunReport spikeRun, Splits splits, Path target) throws IOException {
        Path file = target != null ? target : run.resolve(FILE);
        AtomicFiles.writeString(file, HtmlReport.render(run, model, metrics, spikeRun, splits));
        return file;
    }
}
