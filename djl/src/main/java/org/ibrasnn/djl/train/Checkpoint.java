package org.ibrasnn.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.io.ModelSpecJson;
import org.ibrasnn.core.io.SafeTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.djl.ParameterTensors;

/**
 * The trainer's state after an epoch — weights, BN statistics, optimizer state, update count, recipe,
 * spec and epoch history — in one safetensors file written atomically, so a killed run resumes where
 * the last finished epoch left off and ends with the same weights as an uninterrupted run.
 */
public final class Checkpoint {

    /** File name of the checkpoint inside a run directory. */
    public static final String FILE = "checkpoint.safetensors";

    private static final String FORMAT = "ibra-snn-checkpoint";
    private static final String VERSION = "1";
    private static final Gson GSON = new Gson();

    private Checkpoint() {}

    /** Writes the trainer's current state to {@code dir/checkpoint.safetensors}. */
    public static void save(Trainer trainer, Path dir) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ParameterTensors.snapshot(trainer.parameters()).forEach((k, v) -> tensors.put("param/" + k, v));
        for (Map.Entry<String, NDArray> e : trainer.optimizer().tensors().entrySet()) {
            tensors.put("optim/" + e.getKey(), ParameterTensors.toTensor(e.getValue()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", VERSION);
        meta.put("spec", ModelSpecJson.toJson(trainer.spec()));
        meta.put("recipe", GSON.toJson(trainer.recipe()));
        meta.put("updates", Long.toString(trainer.optimizer().updates()));
        meta.put("history", GSON.toJson(trainer.history()));
        SafeTensors.write(dir.resolve(FILE), tensors, meta);
    }

    /**
     * Restores a trainer built with the same spec and recipe from {@code dir/checkpoint.safetensors};
     * returns false when there is no checkpoint to resume from.
     */
    public static boolean restore(Trainer trainer, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return false;
        }
        var read = SafeTensors.read(file);
        Map<String, String> meta = read.metadata();
        if (!FORMAT.equals(meta.get("format")) || !VERSION.equals(meta.get("format_version"))) {
            throw new IOException(file + ": not an ibra-snn checkpoint of version " + VERSION
                    + " (format=" + meta.get("format") + ", version=" + meta.get("format_version") + ")");
        }
        if (!trainer.spec().equals(ModelSpecJson.fromJson(meta.get("spec")))) {
            throw new IllegalArgumentException(file + " was written for another architecture or neuron setting;"
                    + " resume with the same architecture and neuron setting, or train into a new run directory");
        }
        Recipe saved = GSON.fromJson(meta.get("recipe"), Recipe.class);
        if (!trainer.recipe().equals(saved)) {
            throw new IllegalArgumentException(file + " was written with recipe " + saved
                    + "; resume with the same options (now " + trainer.recipe() + ")");
        }
        Map<String, Tensor> tensors = read.tensors();
        for (Map.Entry<String, Parameter> e : trainer.parameters().entrySet()) {
            ParameterTensors.load(e.getValue().getArray(), required(tensors, "param/" + e.getKey(), file), e.getKey());
        }
        for (Map.Entry<String, NDArray> e : trainer.optimizer().tensors().entrySet()) {
            ParameterTensors.load(e.getValue(), required(tensors, "optim/" + e.getKey(), file), e.getKey());
        }
        trainer.optimizer().restoreUpdates(Long.parseLong(meta.get("updates")));
        JsonArray epochs = JsonParser.parseString(meta.get("history")).getAsJsonArray();
        epochs.forEach(e -> EpochMetrics.upgradeScores(e.getAsJsonObject(),
                (split, metric) -> split + Character.toUpperCase(metric.charAt(0)) + metric.substring(1)));
        List<EpochMetrics> history = GSON.fromJson(epochs, new TypeToken<List<EpochMetrics>>() {}.getType());
        trainer.restoreHistory(history);
        return true;
    }

    private static Tensor required(Map<String, Tensor> tensors, String name, Path file) throws IOException {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IOException(file + ": checkpoint lacks tensor " + name);
        }
        return t;
    }
}
