package org.ibrasnn.djl.train;

import ai.djl.ndarray.NDArray;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ibrasnn.core.io.ModelFormatException;
import org.ibrasnn.core.io.SafeTensors;
import org.ibrasnn.core.io.StrictJson;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.djl.ParameterTensors;

/**
 * The trainer's state after an epoch — weights, BN statistics, optimizer state, weight averages, update count, epoch
 * history and the {@link RunSettings} of the run — in one safetensors file written atomically, so a killed run
 * resumes where the last finished epoch left off and ends with the same weights as an uninterrupted run, and a run
 * with other settings is refused instead of mixed in. Checkpoints of version 1 (before the settings were recorded)
 * are refused: nothing in them says which data they were trained on.
 */
public final class Checkpoint {

    /** File name of the checkpoint inside a run directory. */
    public static final String FILE = "checkpoint.safetensors";

    private static final String FORMAT = "ibra-snn-checkpoint";
    private static final String VERSION = "2";
    private static final Gson GSON = new Gson();

    private final Path file;
    private final RunSettings settings;
    private final long updates;
    private final List<EpochMetrics> history;
    private final Map<String, Tensor> tensors;

    private Checkpoint(Path file, RunSettings settings, long updates, List<EpochMetrics> history,
                       Map<String, Tensor> tensors) {
        this.file = file;
        this.settings = settings;
        this.updates = updates;
        this.history = List.copyOf(history);
        this.tensors = tensors;
    }

    /** Writes the trainer's current state and the run's settings to {@code dir/checkpoint.safetensors}. */
    public static void save(Trainer trainer, RunSettings settings, Path dir) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        state(trainer).forEach((name, array) -> tensors.put(name, ParameterTensors.toTensor(array)));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", VERSION);
        meta.put("settings", settings.toJson());
        meta.put("updates", Long.toString(trainer.optimizer().updates()));
        meta.put("history", GSON.toJson(trainer.history()));
        SafeTensors.write(dir.resolve(FILE), tensors, meta);
    }

    /**
     * The checkpoint in {@code dir}, its metadata validated (a fault is a {@link ModelFormatException} naming the
     * file and the field); empty when there is none.
     */
    public static Optional<Checkpoint> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        var read = SafeTensors.read(file);
        Map<String, String> meta = read.metadata();
        String format = field(meta, "format", file);
        if (!FORMAT.equals(format)) {
            throw new ModelFormatException(file, "not an ibra-snn checkpoint (metadata 'format' is '" + format + "')");
        }
        String version = field(meta, "format_version", file);
        if (version.equals("1")) {
            throw new ModelFormatException(file, "a checkpoint of version 1, written before checkpoints recorded the "
                    + "settings of their run, so resuming it could mix two runs; train into a new run directory");
        }
        if (!VERSION.equals(version)) {
            throw new ModelFormatException(file, "checkpoint version '" + version + "' is not " + VERSION
                    + ", the version this build reads");
        }
        RunSettings settings = RunSettings.fromJson(field(meta, "settings", file), file, "settings");
        return Optional.of(new Checkpoint(file, settings, updates(field(meta, "updates", file), file),
                history(field(meta, "history", file), file), read.tensors()));
    }

    /** Where this checkpoint was read from. */
    public Path file() {
        return file;
    }

    /** The epochs it had finished. */
    public List<EpochMetrics> history() {
        return history;
    }

    /** Refuses a run asking for other settings than the ones this checkpoint was written with, naming the first. */
    public void requireSettings(RunSettings requested) {
        settings.firstDifference(requested).ifPresent(d -> {
            throw new PlanRefusedException(d.setting(), file + " was written by a run with " + d.setting() + " "
                    + d.recorded() + ", but this run asks for " + d.requested()
                    + "; resume with the same settings, or train into another run directory");
        });
    }

    /** Loads weights, optimizer state, weight averages, update count and history into a trainer built alike. */
    public void restore(Trainer trainer) throws ModelFormatException {
        for (Map.Entry<String, NDArray> e : state(trainer).entrySet()) {
            load(e.getValue(), e.getKey());
        }
        trainer.optimizer().restoreUpdates(updates);
        trainer.restoreHistory(history);
    }

    /** Every array a checkpoint holds, by its name in the file: weights, optimizer state, weight averages. */
    private static Map<String, NDArray> state(Trainer trainer) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        trainer.parameters().forEach((name, p) -> arrays.put("param/" + name, p.getArray()));
        trainer.optimizer().tensors().forEach((name, array) -> arrays.put("optim/" + name, array));
        trainer.averages().forEach((name, array) -> arrays.put("average/" + name, array));
        return arrays;
    }

    private void load(NDArray target, String name) throws ModelFormatException {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new ModelFormatException(file, "checkpoint lacks tensor " + name);
        }
        for (int i = 0; i < t.size(); i++) {
            if (!Float.isFinite(t.get(i))) {
                throw new ModelFormatException(file, "tensor " + name + " holds " + t.get(i) + " at index " + i);
            }
        }
        try {
            ParameterTensors.load(target, t, name);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, e.getMessage());
        }
    }

    private static String field(Map<String, String> meta, String key, Path file) throws ModelFormatException {
        String v = meta.get(key);
        if (v == null) {
            throw new ModelFormatException(file, "checkpoint metadata lacks '" + key + "'");
        }
        return v;
    }

    private static long updates(String text, Path file) throws ModelFormatException {
        try {
            long n = Long.parseLong(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModelFormatException(file, "metadata 'updates' is not a count of updates: '" + text + "'");
    }

    /** The epoch list; every entry must parse and be numbered 1, 2, ... with both metrics present. */
    private static List<EpochMetrics> history(String json, Path file) throws ModelFormatException {
        JsonArray epochs;
        try {
            JsonElement parsed = StrictJson.parse(json);
            if (!parsed.isJsonArray()) {
                throw new ModelFormatException(file, "metadata 'history' is not a JSON array");
            }
            epochs = parsed.getAsJsonArray();
        } catch (JsonParseException e) {
            throw new ModelFormatException(file, "metadata 'history' is not JSON (" + e.getMessage() + ")");
        }
        List<EpochMetrics> out = new ArrayList<>();
        for (JsonElement e : epochs) {
            String entry = "metadata 'history' entry " + (out.size() + 1);
            EpochMetrics m;
            try {
                m = GSON.fromJson(e, EpochMetrics.class);
            } catch (RuntimeException bad) {
                throw new ModelFormatException(file, entry + " is malformed (" + bad.getMessage() + ")");
            }
            String fault = m == null ? "is null" : m.epoch() != out.size() + 1 ? "has epoch " + m.epoch()
                    : m.train() == null ? "lacks 'train'" : m.test() == null ? "lacks 'test'" : null;
            if (fault != null) {
                throw new ModelFormatException(file, entry + " " + fault);
            }
            out.add(m);
        }
        return out;
    }
}
