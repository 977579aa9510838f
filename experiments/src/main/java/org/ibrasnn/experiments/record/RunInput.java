package org.ibrasnn.experiments.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Sha256;
import org.ibrasnn.core.record.RecordFormatException;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.experiments.SpikeRun;
import org.ibrasnn.runtime.RunReport;
import org.ibrasnn.runtime.SpikeRuntime;

/**
 * What inference runs on: a model file and its content, the data it reads as {@code data} describes, and the
 * dataset's splits (inference uses the test split). It runs the model into an {@link InferenceRecord}, or takes
 * a spike-driven run from a record computed from the same model content, data and images instead of running it.
 */
public record RunInput(Path modelFile, ModelFile model, DatasetRecord data, Splits splits) {

    /** Test images a spike-driven run covers when neither the caller nor a matching record says how many. */
    public static final int DEFAULT_LIMIT = 1000;

    /** The source of a run on the first {@code limit} test images ({@code <= 0}: all); hashes the model file. */
    public InferenceSource source(int limit, SpikeRuntime.Mode mode) throws IOException {
        return new InferenceSource(modelFile.toAbsolutePath().normalize().toString(), Sha256.of(modelFile), data,
                splits.checksum(), InferenceSource.TEST, mode, SpikeRun.count(limit, splits.test().size()));
    }

    /** Runs the model in {@code mode} on the first {@code limit} test images ({@code <= 0}: all) and records it. */
    public InferenceRecord infer(int limit, SpikeRuntime.Mode mode, int threads, Progress progress) throws IOException {
        return record(run(limit, mode, threads, progress), mode);
    }

    /**
     * Runs the model in {@code mode} on the first {@code limit} test images ({@code <= 0}: all); the report keeps
     * the predictions, which a record leaves out.
     */
    public RunReport run(int limit, SpikeRuntime.Mode mode, int threads, Progress progress) {
        return SpikeRun.of(model, splits.test(), limit, mode, threads, progress).report();
    }

    /** The record of {@code report}, a run of this input in {@code mode}; hashes the model file. */
    public InferenceRecord record(RunReport report, SpikeRuntime.Mode mode) throws IOException {
        return InferenceRecord.of(source(report.images(), mode), model.spec(), report);
    }

    /**
     * A spike-driven run on the first {@code limit} test images (0: all; null: any number a matching record
     * holds, else {@value #DEFAULT_LIMIT}), taken from the inference record {@code record} (null: none) when it
     * was computed from this model's content, data and images, else run on every core. Using the record is
     * announced as a note. A record that does not match or cannot be read is ignored with a note naming why, or,
     * when {@code named} (the caller chose it), refused; an absent record that is not named is passed over.
     */
    public RunReport spikeDriven(Integer limit, Path record, boolean named, Progress progress) throws IOException {
        int images = limit != null ? limit : DEFAULT_LIMIT;
        if (record != null && (named || Files.isRegularFile(record))) {
            InferenceSource asked = source(images, SpikeRuntime.Mode.SPIKE_DRIVEN);
            String why;
            try {
                InferenceRecord found = InferenceRecord.read(record);
                List<String> mismatches = asked.mismatches(found.source(), limit == null);
                if (mismatches.isEmpty()) {
                    progress.note("using inference record " + record + " (model sha256 matches, "
                            + found.source().images() + " images)");
                    return found.report();
                }
                why = "it records " + String.join(", ", mismatches);
            } catch (RecordFormatException e) {
                if (named) {
                    throw e;
                }
                why = e.fault();
            }
            if (named) {
                throw new IllegalArgumentException("inference record " + record + " does not match this run: " + why);
            }
            progress.note("ignoring inference record " + record + ": " + why);
        }
        return SpikeRun.spikeDriven(model, splits.test(), images, progress).report();
    }
}
