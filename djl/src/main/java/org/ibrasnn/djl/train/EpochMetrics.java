package org.ibrasnn.djl.train;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.function.BinaryOperator;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.core.task.Tasks;

/**
 * What one epoch achieved (the task's running training metric and its test metrics), and the process's
 * resident memory when it ended (current and peak), so that a run shows whether memory stays flat from
 * epoch to epoch.
 */
public record EpochMetrics(int epoch, double trainLoss, Metrics train, Metrics test,
                           double seconds, double imagesPerSecond, float learningRate, long rssBytes,
                           long peakRssBytes) {

    /**
     * Epochs recorded before tasks existed hold the default task's metric of each split as one number under
     * {@code legacyName(split, metric)}; they become that task's metrics, in place.
     */
    static void upgradeScores(JsonObject epoch, BinaryOperator<String> legacyName) {
        String metric = Tasks.DEFAULT.metricName();
        for (String split : List.of("train", "test")) {
            String legacy = legacyName.apply(split, metric);
            if (!epoch.has(split) && epoch.get(legacy) instanceof JsonPrimitive value && value.isNumber()) {
                epoch.remove(legacy);
                epoch.add(split, new Gson().toJsonTree(Metrics.of(metric, value.getAsDouble())));
            }
        }
    }
}
