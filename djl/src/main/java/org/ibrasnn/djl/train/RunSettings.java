package org.ibrasnn.djl.train;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.Datasets;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFormatException;
import org.ibrasnn.core.io.ModelSpecJson;
import org.ibrasnn.core.io.StrictJson;
import org.ibrasnn.core.model.ModelSpec;

/**
 * What a run's weights depend on, as named values in a fixed order: the data (dataset and event framing when the
 * model file records them), the network (architecture, neuron, input shape, a SHA-256 of the whole spec; the
 * initial model file's SHA-256 when the run starts from one), the
 * number of training images, a SHA-256 of the training and of the test images themselves, then every recipe field
 * (weight averaging and gradient clipping only when on).
 * A checkpoint records them and a resumed run must ask for exactly the same; the data is identified by its content,
 * so the same files under another root match.
 */
public record RunSettings(Map<String, String> values) {

    private static final Gson SNAKE_CASE = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();
    private static final int DIGEST_CHARS = 16;
    /** Recipe fields recorded only when on, so that checkpoints written before they existed still resume. */
    private static final Set<String> OFF_BY_DEFAULT = Set.of("averaging", "gradient_clip");

    public RunSettings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** One setting that differs: its name, the value recorded and the value asked for ("not recorded" if absent). */
    public record Difference(String setting, String recorded, String requested) {}

    /** The settings of a plan. */
    public static RunSettings of(TrainingRun.Plan plan) {
        Map<String, String> v = new LinkedHashMap<>();
        DatasetRecord data = plan.data();
        if (data != null) {
            v.put("dataset", data.dataset());
            if (Datasets.named(data.dataset()).events()) {
                v.put("frame_split", data.frameSplit().name());
                v.put("pool", Integer.toString(data.pool()));
            }
        }
        ModelSpec model = plan.model();
        v.put("arch", model.arch());
        v.put("neuron", model.activation().describe());
        v.put("input", model.input() + (model.inputFrames() > 1 ? " in " + model.inputFrames() + " frames" : ""));
        v.put("network", "sha256 " + digest(ModelSpecJson.toJson(model).getBytes(StandardCharsets.UTF_8)));
        if (plan.init() != null) {
            v.put("init", "sha256 " + plan.init().sha256().substring(0, DIGEST_CHARS));
        }
        v.put("train_images", Integer.toString(plan.train().size()));
        v.put("train_data", "sha256 " + digest(plan.train()));
        v.put("test_data", plan.test().size() + " images, sha256 " + digest(plan.test()));
        for (Map.Entry<String, JsonElement> e : SNAKE_CASE.toJsonTree(plan.recipe()).getAsJsonObject().entrySet()) {
            if (!(OFF_BY_DEFAULT.contains(e.getKey()) && e.getValue().getAsDouble() == 0)) {
                v.put(e.getKey().equals("name") ? "recipe" : e.getKey(), e.getValue().getAsString());
            }
        }
        return new RunSettings(v);
    }

    /** The first setting, in this order and then the recorded order, whose value differs in {@code requested}. */
    public Optional<Difference> firstDifference(RunSettings requested) {
        Set<String> names = new LinkedHashSet<>(requested.values.keySet());
        names.addAll(values.keySet());
        for (String name : names) {
            String mine = values.getOrDefault(name, "not recorded");
            String asked = requested.values.getOrDefault(name, "not recorded");
            if (!mine.equals(asked)) {
                return Optional.of(new Difference(name, mine, asked));
            }
        }
        return Optional.empty();
    }

    /** The settings as one JSON object of strings. */
    public String toJson() {
        JsonObject o = new JsonObject();
        values.forEach(o::addProperty);
        return o.toString();
    }

    /** Settings read from {@link #toJson}'s form; a fault names {@code file} and {@code field}. */
    static RunSettings fromJson(String json, Path file, String field) throws ModelFormatException {
        JsonElement parsed;
        try {
            parsed = StrictJson.parse(json);
        } catch (JsonParseException e) {
            throw new ModelFormatException(file, "metadata '" + field + "' is not JSON (" + e.getMessage() + ")");
        }
        if (!parsed.isJsonObject()) {
            throw new ModelFormatException(file, "metadata '" + field + "' is not a JSON object");
        }
        Map<String, String> v = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : parsed.getAsJsonObject().entrySet()) {
            if (!(e.getValue() instanceof JsonPrimitive p) || !p.isString()) {
                throw new ModelFormatException(file, "metadata '" + field + "': '" + e.getKey() + "' is not a string");
            }
            v.put(e.getKey(), p.getAsString());
        }
        return new RunSettings(v);
    }

    private static String digest(ImageDataset images) {
        MessageDigest digest = sha256();
        int size = images.shape().size();
        byte[] row = new byte[size + 4];
        for (int i = 0; i < images.size(); i++) {
            for (int p = 0; p < size; p++) {
                row[p] = (byte) images.pixel(i, p);
            }
            int label = images.label(i);
            for (int k = 0; k < 4; k++) {
                row[size + k] = (byte) (label >>> (8 * k));
            }
            digest.update(row);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, DIGEST_CHARS);
    }

    private static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes)).substring(0, DIGEST_CHARS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
