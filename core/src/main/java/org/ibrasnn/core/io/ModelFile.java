package org.ibrasnn.core.io;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.model.ModelSpec;

/**
 * The project's model file: safetensors whose {@code __metadata__} holds {@code format = ibra-snn},
 * {@code format_version}, {@code kind} ({@code training}: as trained, with BatchNorm; {@code inference}:
 * BatchNorm and 1/N folded into the weights), the architecture {@code spec} as JSON, a {@code provenance} JSON
 * object and, when known, the {@code data} the model reads ({@link DatasetRecord} as JSON: files written before
 * it existed have none, and the steps after training then take the data as given). Reading checks all of it,
 * including that the tensors match the spec.
 */
public record ModelFile(String kind, ModelSpec spec, Map<String, String> provenance, Map<String, Tensor> tensors,
                        DatasetRecord data) {

    public static final String FORMAT = "ibra-snn";
    public static final String VERSION = "2";

    /** Versions this build reads: 1 (a layer list, migrated to a graph on load) and 2 (a graph). */
    public static final Set<String> READABLE = Set.of("1", VERSION);
    public static final Set<String> KINDS = Set.of("training", "inference");

    private static final Gson GSON = new Gson();

    /** A model file that does not say what data it reads. */
    public ModelFile(String kind, ModelSpec spec, Map<String, String> provenance, Map<String, Tensor> tensors) {
        this(kind, spec, provenance, tensors, null);
    }

    public ModelFile {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("model kind must be training or inference, got '" + kind + "'");
        }
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** Writes the file atomically; tensors that do not fit the spec, or hold non-finite values, are refused. */
    public void write(Path file) throws IOException {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        tensors.forEach((name, t) -> shapes.put(name, t.shape()));
        Optional<String> problem = ModelTensors.shapeProblem(spec, shapes).or(() -> ModelTensors.valueProblem(spec, tensors));
        if (problem.isPresent()) {
            throw new ModelFormatException(file, "not written: " + problem.get());
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", VERSION);
        meta.put("kind", kind);
        meta.put("spec", ModelSpecJson.toJson(spec));
        meta.put("provenance", GSON.toJson(provenance));
        if (data != null) {
            meta.put("data", GSON.toJson(data));
        }
        SafeTensors.write(file, tensors, meta);
    }

    /**
     * Reads and fully validates a model file: the header (format, kind, spec, and each tensor's name and shape
     * against the spec, and that one image's activations fit the heap) before any tensor data, then the values
     * (finite, running variances not negative).
     */
    public static ModelFile read(Path file) throws IOException {
        try (SafeTensors.Reader reader = SafeTensors.open(file)) {
            ModelFile header = header(reader.metadata(), file);
            refuse(ModelTensors.shapeProblem(header.spec, reader.shapes()), file);
            long activations = header.spec.activationBytes();
            long heap = Runtime.getRuntime().maxMemory();
            if (activations > heap) {
                throw new FileAccessException(file, String.format("one image needs %.2f GB of activations per "
                        + "timestep (input %s), more than the %.2f GB heap of this JVM (raise -Xmx)", activations / 1e9,
                        header.spec.input(), heap / 1e9));
            }
            Map<String, Tensor> tensors = reader.tensors();
            refuse(ModelTensors.valueProblem(header.spec, tensors), file);
            return new ModelFile(header.kind, header.spec, header.provenance, tensors, header.data);
        }
    }

    private static void refuse(Optional<String> problem, Path file) throws ModelFormatException {
        if (problem.isPresent()) {
            throw new ModelFormatException(file, problem.get());
        }
    }

    /** The metadata as a model file without tensors. */
    private static ModelFile header(Map<String, String> meta, Path file) throws ModelFormatException {
        if (!FORMAT.equals(meta.get("format"))) {
            throw new ModelFormatException(file, "not an ibra-snn model file (format=" + meta.get("format") + ")");
        }
        if (!READABLE.contains(meta.get("format_version"))) {
            throw new ModelFormatException(file, "format version " + meta.get("format_version")
                    + " is not supported (this build reads versions 1 and " + VERSION + ")");
        }
        String kind = meta.get("kind");
        if (!KINDS.contains(kind)) {
            throw new ModelFormatException(file, "unknown model kind '" + kind + "' (training or inference)");
        }
        try {
            ModelSpec spec = ModelSpecJson.fromJson(required(meta, "spec", file));
            Map<String, String> provenance = GSON.fromJson(StrictJson.parse(required(meta, "provenance", file)),
                    new TypeToken<Map<String, String>>() {}.getType());
            DatasetRecord data = meta.containsKey("data") ? dataRecord(meta.get("data")) : null;
            return new ModelFile(kind, spec, provenance == null ? Map.of() : provenance, Map.of(), data);
        } catch (IllegalArgumentException | NullPointerException | JsonParseException e) {
            throw new ModelFormatException(file, "bad metadata: " + e.getMessage());
        }
    }

    /** The same model with another kind, spec, provenance and tensors, reading the same data. */
    public ModelFile derive(String newKind, ModelSpec newSpec, Map<String, String> newProvenance,
                            Map<String, Tensor> newTensors) {
        return new ModelFile(newKind, newSpec, newProvenance, newTensors, data);
    }

    private static DatasetRecord dataRecord(String json) {
        DatasetRecord r;
        try {
            r = GSON.fromJson(StrictJson.parse(json), DatasetRecord.class);
        } catch (JsonParseException e) {
            throw e;
        } catch (RuntimeException e) {
            // Gson wraps what the record's constructor throws
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("data: " + cause.getMessage(), cause);
        }
        if (r == null) {
            throw new IllegalArgumentException("'data' is empty");
        }
        return r;
    }

    private static String required(Map<String, String> meta, String key, Path file) throws ModelFormatException {
        String v = meta.get(key);
        if (v == null) {
            throw new ModelFormatException(file, "metadata lacks '" + key + "'");
        }
        return v;
    }
}
