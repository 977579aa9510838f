package org.ibrasnn.cli;

import java.util.Map;
import org.ibrasnn.djl.train.PlanRefusedException;

/** The {@code train} options behind each setting a training plan can be refused for. */
final class TrainingFlags {

    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry(PlanRefusedException.RUN_DIRECTORY, "--out"),
            Map.entry(PlanRefusedException.INTERRUPTED_RUN, "--out"),
            Map.entry("dataset", "--dataset"),
            Map.entry("frame_split", "--frame-split"),
            Map.entry("pool", "--pool"),
            Map.entry("arch", "--arch"),
            Map.entry("network", "--arch"),
            Map.entry("neuron", "--neuron/--D/--N/--T/--alpha/--threshold/--reset"),
            Map.entry("input", "--image-size"),
            Map.entry("train_images", "--train-limit"),
            Map.entry("train_data", "--root"),
            Map.entry("test_data", "--root"),
            Map.entry("epochs", "--epochs"),
            Map.entry("batch_size", "--batch"),
            Map.entry("learning_rate", "--lr"),
            Map.entry("seed", "--seed"));

    private TrainingFlags() {}

    /** The refusal as one line that starts with the option at fault (the recipe's other fields: --recipe). */
    static IllegalArgumentException named(PlanRefusedException e) {
        String flag = FLAGS.getOrDefault(e.setting(), "--recipe");
        String hint = e.setting().equals(PlanRefusedException.INTERRUPTED_RUN) ? " (--resume continues it)" : "";
        return new IllegalArgumentException(flag + ": " + e.getMessage() + hint, e);
    }
}
