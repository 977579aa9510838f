package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.core.io.FileAccessException;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.experiments.detection.CocoResults;

/** {@code --detections OUT.json} of the commands that measure a model: the COCO results file of a detector's run. */
final class DetectionsOption {

    private DetectionsOption() {}

    /** Before any work: refuses the option for a model that is not a detector, or an {@code out} not writable. */
    static void check(Path out, Path modelPath, ModelFile model) throws FileAccessException {
        if (out == null) {
            return;
        }
        if (!model.spec().task().boxTargets()) {
            throw new IllegalArgumentException("--detections applies to detection models only; " + modelPath
                    + " is a " + model.spec().task().name() + " model");
        }
        try {
            AtomicFiles.requireWritable(out);
        } catch (FileAccessException e) {
            throw new IllegalArgumentException("--detections: " + e.getMessage(), e);
        }
    }

    /** Writes the run's {@code predictions} on {@code test} to {@code out} (nothing when null) and says so. */
    static void write(Path out, List<?> predictions, ImageDataset test, PrintWriter stdout) throws IOException {
        if (out == null) {
            return;
        }
        CocoResults.write(out, predictions, test);
        stdout.printf("detections of %d images (COCO results): %s%n", predictions.size(), out);
    }
}
