package org.ibrasnn.experiments;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.runtime.InferenceExport;
import org.ibrasnn.runtime.RunReport;
import org.ibrasnn.runtime.SpikeRuntime;

/** A model run on test images by the spike-driven runtime, with its exact counts. */
public record SpikeRun(SpikeRuntime runtime, RunReport report) {

    /**
     * Runs the first {@code limit} images ({@code <= 0}: all) of {@code images}; a training model is folded
     * on the fly. Progress is reported as the task {@code "infer"}.
     */
    public static SpikeRun of(ModelFile model, ImageDataset images, int limit, SpikeRuntime.Mode mode, int threads,
                              Progress progress) {
        SpikeRuntime runtime = SpikeRuntime.of("training".equals(model.kind()) ? InferenceExport.fold(model) : model);
        int count = limit > 0 ? Math.min(limit, images.size()) : images.size();
        try (Progress.Task task = progress.start("infer", count)) {
            return new SpikeRun(runtime, runtime.run(images, count, mode, threads, task::stepTo));
        }
    }

    /** A spike-driven run on every core of this machine. */
    public static SpikeRun spikeDriven(ModelFile model, ImageDataset images, int limit, Progress progress) {
        return of(model, images, limit, SpikeRuntime.Mode.SPIKE_DRIVEN, allCores(), progress);
    }

    /** The number of cores this machine offers. */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The task's metrics, per-layer counts and totals as a JSON object for {@link org.ibrasnn.experiments.report.Json}. */
    public Map<String, Object> json() {
        RunReport r = report;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("arch", runtime.spec().arch());
        out.put("neuron", runtime.spec().activation().describe());
        out.put("mode", r.mode());
        out.put("images", r.images());
        out.putAll(r.score().values());
        out.put("images_per_second", r.imagesPerSecond());
        out.put("timesteps", r.timesteps());
        out.put("virtual_steps", r.virtualSteps());
        out.put("layers", r.layers());
        out.put("total_macs", r.totalMacs());
        out.put("total_sops", r.totalSops());
        out.put("sops_per_timestep", r.sopsPerTimestep());
        out.put("macs_per_image", r.macsPerImage());
        out.put("sops_per_image", r.sopsPerImage());
        out.put("counts_note", "layers[].macs/sops/spikes and total_* are exact sums over all images; *_per_image are means");
        return out;
    }
}
