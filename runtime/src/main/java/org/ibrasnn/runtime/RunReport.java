package org.ibrasnn.runtime;

import java.util.List;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.core.task.detection.DetectionBox;

/**
 * The outcome of running a model on labelled images: the task's metrics and decoded predictions (by image),
 * exact per-layer counts summed over all images, totals, and throughput. {@code virtualSteps} is T x slots
 * per step (T x B or T x D) of the network's default activation; neuron layers with their own setting
 * report their firing rate over their own slots.
 */
public record RunReport(String mode, int images, Metrics score, double seconds, int timesteps, int virtualSteps,
                        List<LayerReport> layers, List<?> predictions) {

    public RunReport {
        layers = List.copyOf(layers);
        predictions = List.copyOf(predictions);
    }

    /**
     * A detector's predictions as each image's detections, best first (none for a report read back from a record,
     * which keeps no predictions), or an IllegalStateException when the predictions are of another task.
     */
    public List<List<DetectionBox>> detections() {
        try {
            return DetectionBox.perImage(predictions);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("this run's predictions are of another task: " + e.getMessage(), e);
        }
    }

    public long totalMacs() {
        return layers.stream().mapToLong(LayerReport::macs).sum();
    }

    public long totalSops() {
        return layers.stream().mapToLong(LayerReport::sops).sum();
    }

    /** Exact SOPs of all layers at each timestep, summed over images. */
    public List<Long> sopsPerTimestep() {
        long[] sum = new long[timesteps];
        for (LayerReport l : layers) {
            for (int t = 0; t < l.sopsPerTimestep().size(); t++) {
                sum[t] += l.sopsPerTimestep().get(t);
            }
        }
        return java.util.Arrays.stream(sum).boxed().toList();
    }

    /** The literature's estimate of all SOPs (see {@link LayerReport#literatureSops()}). */
    public double totalLiteratureSops() {
        return layers.stream().mapToDouble(LayerReport::literatureSops).sum();
    }

    /** Mean MACs per image. */
    public double macsPerImage() {
        return (double) totalMacs() / images;
    }

    /** Mean exact SOPs per image. */
    public double sopsPerImage() {
        return (double) totalSops() / images;
    }

    /** Mean of the literature's SOP estimate per image. */
    public double literatureSopsPerImage() {
        return totalLiteratureSops() / images;
    }

    public double imagesPerSecond() {
        return images / seconds;
    }
}
