package org.ibrasnn.experiments.conversion;

/**
 * How a conversion is calibrated: on the first {@code images} training images, the {@code percentile} of each
 * stream's ANN activations is mapped to the neuron's saturation (D, or the LIF threshold).
 */
public record Calibration(int images, double percentile) {

    public Calibration {
        if (images < 1) {
            throw new IllegalArgumentException("the calibration image count must be >= 1, got " + images);
        }
    }

    /** The same calibration on at most {@code available} images, the number a training set of that size gives. */
    public Calibration capped(int available) {
        return new Calibration(Math.min(images, available), percentile);
    }

    /** How the converted model's provenance names the calibration. */
    public String describe() {
        return "calibrated on " + images + " training images at the " + percentile + "th percentile";
    }
}
