package org.ibrasnn.cli;

import me.tongfei.progressbar.ProgressBar;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.runtime.InferenceExport;
import org.ibrasnn.runtime.RunReport;
import org.ibrasnn.runtime.SpikeRuntime;

/** A model run on test images by the spike-driven runtime, with a progress bar; shared by the commands. */
record SpikeRun(SpikeRuntime runtime, RunReport report) {

    /** Folds a training model on the fly; runs the first {@code limit} images ({@code <= 0}: all). */
    static SpikeRun of(ModelFile model, ImageDataset images, int limit, SpikeRuntime.Mode mode, int threads) {
        SpikeRuntime runtime = SpikeRuntime.of("training".equals(model.kind()) ? InferenceExport.fold(model) : model);
        int count = limit > 0 ? Math.min(limit, images.size()) : images.size();
        try (ProgressBar bar = Progress.bar("infer", count)) {
            return new SpikeRun(runtime, runtime.run(images, count, mode, threads, bar::stepTo));
        }
    }

    static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
