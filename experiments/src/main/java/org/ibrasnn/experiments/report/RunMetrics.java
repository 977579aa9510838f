package org.ibrasnn.experiments.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ibrasnn.core.task.Tasks;

/**
 * A run's {@code metrics.json} as the report needs it: per epoch the training loss and the task's primary
 * metric on the training and test images, the final test value and the wall time. Files written before tasks
 * existed (a classifier's {@code train_<metric>}/{@code test_<metric>} numbers) read as the default task's.
 */
record RunMetrics(String metric, List<Integer> epochs, List<Double> trainLoss, List<Double> train,
                  List<Double> test, double finalTest, double wallSeconds) {

    RunMetrics {
        epochs = List.copyOf(epochs);
        trainLoss = List.copyOf(trainLoss);
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /** Reads a run's metrics.json, or an IllegalArgumentException naming the file. */
    static RunMetrics read(Path file) throws IOException {
        try {
            return of(JsonParser.parseString(Files.readString(file)).getAsJsonObject());
        } catch (JsonSyntaxException | IllegalStateException e) {
            throw new IllegalArgumentException(file + " is not valid metrics JSON: " + e.getMessage());
        }
    }

    private static RunMetrics of(JsonObject o) {
        boolean legacy = !o.has("task");
        String metric = legacy ? Tasks.DEFAULT.metricName() : Tasks.named(o.get("task").getAsString()).metricName();
        List<Integer> epochs = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        List<Double> train = new ArrayList<>();
        List<Double> test = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("epochs")) {
            JsonObject epoch = e.getAsJsonObject();
            epochs.add(epoch.get("epoch").getAsInt());
            loss.add(epoch.get("train_loss").getAsDouble());
            train.add(value(epoch, "train", metric, legacy));
            test.add(value(epoch, "test", metric, legacy));
        }
        double last = legacy || o.has("test") ? value(o, "test", metric, legacy) : 0;
        return new RunMetrics(metric, epochs, loss, train, test, last, o.get("wall_seconds").getAsDouble());
    }

    /** The primary metric of {@code split}: {@code split: {primary, values}}, or legacy {@code split_<metric>}. */
    private static double value(JsonObject o, String split, String metric, boolean legacy) {
        if (legacy) {
            return o.get(split + "_" + metric).getAsDouble();
        }
        JsonObject metrics = o.getAsJsonObject(split);
        return metrics.getAsJsonObject("values").get(metrics.get("primary").getAsString()).getAsDouble();
    }
}
