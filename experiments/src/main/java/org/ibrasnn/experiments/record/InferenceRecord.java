package org.ibrasnn.experiments.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.record.RecordJson;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.runtime.LayerReport;
import org.ibrasnn.runtime.RunReport;

/**
 * An inference record ({@link #SCHEMA}, written by {@code ibra infer --json}, {@value #FILE} in a run
 * directory): what the run was computed from, the model's architecture and neuron setting, and the run's full
 * report (the task's metrics, time, timesteps, virtual steps and every layer's exact counts, firing rates and
 * histograms; not the predictions). Derived totals and means are written beside it for people and scripts.
 */
public record InferenceRecord(InferenceSource source, String arch, String neuron, Metrics score, double seconds,
                              int timesteps, int virtualSteps, List<LayerReport> layers) {

    /** The schema of inference records. */
    public static final RecordJson.Schema SCHEMA = new RecordJson.Schema("ibra-snn/inference", 1);

    /** The record's file name in a run directory. */
    public static final String FILE = "infer.json";

    public InferenceRecord {
        layers = List.copyOf(layers);
    }

    /** The record of {@code run}, a run of {@code spec} from {@code source}. */
    public static InferenceRecord of(InferenceSource source, ModelSpec spec, RunReport run) {
        if (run.images() != source.images()) {
            throw new IllegalArgumentException("the run covers " + run.images() + " images, its source "
                    + source.images());
        }
        return new InferenceRecord(source, spec.arch(), spec.activation().describe(), run.score(), run.seconds(),
                run.timesteps(), run.virtualSteps(), run.layers());
    }

    /** The run's report as the runtime made it, without the predictions. */
    public RunReport report() {
        return new RunReport(source.mode().name().toLowerCase(Locale.ROOT), source.images(), score, seconds,
                timesteps, virtualSteps, layers, List.of());
    }

    /** Writes the record atomically. */
    public void write(Path file) throws IOException {
        RecordJson.write(file, SCHEMA, this, derived());
    }

    /** Reads a record, or a {@link org.ibrasnn.core.record.RecordFormatException} naming the file and the field. */
    public static InferenceRecord read(Path file) throws IOException {
        return RecordJson.read(file, SCHEMA, InferenceRecord.class);
    }

    /** The mode and image count, the task's metrics by name, throughput, totals and means. */
    private Map<String, Object> derived() {
        RunReport r = report();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", r.mode());
        out.put("images", r.images());
        out.putAll(r.score().values());
        out.put("images_per_second", r.imagesPerSecond());
        out.put("total_macs", r.totalMacs());
        out.put("total_sops", r.totalSops());
        out.put("sops_per_timestep", r.sopsPerTimestep());
        out.put("macs_per_image", r.macsPerImage());
        out.put("sops_per_image", r.sopsPerImage());
        out.put("counts_note", "layers[].macs/sops/spikes and total_* are exact sums over all images; "
                + "*_per_image are means");
        return out;
    }
}
