package org.ibrasnn.experiments.conversion;

import java.util.Map;
import java.util.Optional;
import org.ibrasnn.core.convert.AnnConversion;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.runtime.ImageSource;
import org.ibrasnn.runtime.InferenceExport;
import org.ibrasnn.runtime.NeuronInputLevels;
import org.ibrasnn.runtime.SpikeRuntime;

/**
 * A trained ReLU ANN ready to become SNNs: plainly (every ReLU replaced, weights kept) or, once
 * {@link #calibrated calibrated}, with per-stream scales folded into the weights.
 */
public final class AnnToSnn {

    private final ModelFile ann;
    private final Calibration calibration;
    private final Map<String, Double> levels;

    private AnnToSnn(ModelFile ann, Calibration calibration, Map<String, Double> levels) {
        this.ann = ann;
        this.calibration = calibration;
        this.levels = levels;
    }

    /** Plain conversion of {@code ann}, or an IllegalArgumentException if it is not a ReLU ANN. */
    public static AnnToSnn plain(ModelFile ann) {
        AnnConversion.requireAnn(ann);
        return new AnnToSnn(ann, null, null);
    }

    /** The same ANN calibrated: its neuron layers' activation levels measured on {@code train}. */
    public AnnToSnn calibrated(ImageDataset train, Calibration calibration, Progress progress) {
        SpikeRuntime runtime = SpikeRuntime.of(InferenceExport.fold(ann));
        Calibration used = calibration.capped(train.size());
        try (Progress.Task task = progress.start("calibrate", used.images())) {
            return new AnnToSnn(ann, used, NeuronInputLevels.measure(runtime, ImageSource.of(train), used.images(),
                    used.percentile(), task::stepTo));
        }
    }

    /** The ANN. */
    public ModelFile ann() {
        return ann;
    }

    /** The measured activation levels by neuron layer, when calibrated. */
    public Optional<Map<String, Double>> levels() {
        return Optional.ofNullable(levels);
    }

    /** The SNN with neuron {@code target}: calibrated when this is, else plain. */
    public ModelFile convert(NeuronSpec target) {
        return levels == null ? plainly(target) : AnnConversion.calibrated(ann, target, levels, calibration.describe());
    }

    /** The plain SNN with neuron {@code target}, calibrated or not. */
    ModelFile plainly(NeuronSpec target) {
        return AnnConversion.plain(ann, target);
    }
}
