package org.ibrasnn.experiments.detection;

import java.util.List;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.task.Detection;
import org.ibrasnn.core.task.Head;
import org.ibrasnn.core.task.detection.DetectionBox;
import org.ibrasnn.djl.train.LoadedModel;
import org.ibrasnn.experiments.SpikeRun;
import org.ibrasnn.runtime.SpikeRuntime;

/**
 * A detection model run on one picture: spike-driven by the pure-Java runtime, or dense in DJL's training form,
 * its outputs decoded by {@link Detection#decode} (image id 0).
 */
public final class PictureDetector {

    private PictureDetector() {}

    /**
     * The detections, best first, of {@code model} on {@code image} (CHW values of the model's input shape).
     *
     * @throws IllegalArgumentException if the model is not a detector, or {@code dense} is asked of an
     *                                  inference model file (DJL runs the training form)
     */
    public static List<DetectionBox> detect(ModelFile model, float[] image, boolean dense) {
        requireDetector(model);
        if (image.length != model.spec().input().size()) {
            throw new IllegalArgumentException(image.length + " input values for a model that takes "
                    + model.spec().input());
        }
        float[] outputs;
        if (dense) {
            try (LoadedModel loaded = LoadedModel.of(model)) {
                outputs = loaded.outputs(image, 1);
            }
        } else {
            outputs = SpikeRun.runtimeOf(model).joinedOutputs(image, SpikeRuntime.Mode.SPIKE_DRIVEN);
        }
        return Detection.decode(model.spec().heads().stream().map(Head::output).toList(), model.spec().input(),
                outputs, 0);
    }

    /** Fails, saying what the model is, unless it is a detector (task {@value Detection#NAME}). */
    public static void requireDetector(ModelFile model) {
        if (!model.spec().task().boxTargets()) {
            throw new IllegalArgumentException("a " + model.spec().task().name() + " model, not a detector (task "
                    + Detection.NAME + ")");
        }
    }
}
