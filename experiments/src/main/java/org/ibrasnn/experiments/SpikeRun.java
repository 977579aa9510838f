package org.ibrasnn.experiments;

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
        SpikeRuntime runtime = runtimeOf(model);
        int count = count(limit, images.size());
        try (Progress.Task task = progress.start("infer", count)) {
            return new SpikeRun(runtime, runtime.run(images, count, mode, threads, task::stepTo));
        }
    }

    /** The spike-driven runtime of a model file; a training model is folded on the fly. */
    public static SpikeRuntime runtimeOf(ModelFile model) {
        return SpikeRuntime.of("training".equals(model.kind()) ? InferenceExport.fold(model) : model);
    }

    /** A spike-driven run on every core of this machine. */
    public static SpikeRun spikeDriven(ModelFile model, ImageDataset images, int limit, Progress progress) {
        return of(model, images, limit, SpikeRuntime.Mode.SPIKE_DRIVEN, allCores(), progress);
    }

    /** How many of {@code size} images a run with {@code limit} covers: the first {@code limit}, all if {@code <= 0}. */
    public static int count(int limit, int size) {
        return limit > 0 ? Math.min(limit, size) : size;
    }

    /** The number of cores this machine offers. */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
