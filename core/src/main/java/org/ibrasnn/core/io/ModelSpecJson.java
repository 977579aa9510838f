package org.ibrasnn.core.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.ibrasnn.core.model.ActivationJson;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Ops;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.core.task.Tasks;

/**
 * JSON form of a {@link ModelSpec}, stored in model files: the network default activation carries a
 * {@code kind}, each node a {@code name}, a {@code type} (looked up in {@link Ops}) and its {@code inputs},
 * and {@code outputs} lists the output nodes. A spec of format version 1 ({@code layers} instead of
 * {@code nodes}) is migrated by {@link LayerListMigration}. Reading re-runs every validation of the spec;
 * faults are {@link IllegalArgumentException}s naming the field.
 */
public final class ModelSpecJson {

    private ModelSpecJson() {}

    public static String toJson(ModelSpec spec) {
        JsonObject o = new JsonObject();
        o.addProperty("arch", spec.arch());
        JsonArray input = new JsonArray();
        input.add(spec.input().channels());
        input.add(spec.input().height());
        input.add(spec.input().width());
        o.add("input", input);
        o.addProperty("task", spec.task().name());
        o.addProperty("classes", spec.classes());
        if (spec.inputFrames() > 1) {
            o.addProperty("input_frames", spec.inputFrames());
        }
        o.add("activation", ActivationJson.write(spec.activation()));
        JsonArray nodes = new JsonArray();
        for (Node n : spec.graph().nodes()) {
            JsonObject node = new JsonObject();
            node.addProperty("name", n.name());
            node.addProperty("type", n.op().type());
            node.add("inputs", strings(n.inputs()));
            n.op().writeJson(node);
            nodes.add(node);
        }
        o.add("nodes", nodes);
        o.add("outputs", strings(spec.graph().outputs()));
        return o.toString();
    }

    public static ModelSpec fromJson(String json) {
        JsonObject o;
        try {
            JsonElement parsed = StrictJson.parse(json);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("spec JSON is not an object");
            }
            o = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("spec JSON is not valid JSON: " + e.getMessage(), e);
        }
        JsonFields f = new JsonFields(o, "spec");
        JsonArray input = f.array("input");
        if (input.size() != 3) {
            throw new IllegalArgumentException("spec: 'input' must be [channels, height, width]");
        }
        Shape shape = new Shape(dimension(input, 0), dimension(input, 1), dimension(input, 2));
        int frames = f.integer("input_frames", 1);
        Task task = f.has("task") ? Tasks.named(f.string("task")) : Tasks.DEFAULT;
        Graph graph = f.has("nodes") ? graph(f) : LayerListMigration.graph(f.array("layers"));
        return new ModelSpec(f.string("arch"), shape, f.integer("classes"),
                ActivationJson.read(f.object("activation")), graph, frames, task);
    }

    private static int dimension(JsonArray input, int i) {
        OptionalLong v = JsonFields.exactInteger(input.get(i));
        if (v.isEmpty() || v.getAsLong() < 1 || v.getAsLong() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("spec.input[" + i + "] must be a positive integer, got "
                    + JsonFields.shown(input.get(i)));
        }
        return (int) v.getAsLong();
    }

    private static Graph graph(JsonFields spec) {
        JsonArray array = spec.array("nodes");
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "spec.nodes[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new IllegalArgumentException(at + ": node is not a JSON object");
            }
            JsonFields f = new JsonFields(array.get(i).getAsJsonObject(), at);
            String name = f.string("name");
            JsonFields named = new JsonFields(f.o(), at + " (" + name + ")");
            try {
                nodes.add(new Node(name, Ops.read(named.string("type"), named), strings(named, "inputs")));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(named.where()) ? e
                        : new IllegalArgumentException(named.where() + ": " + e.getMessage(), e);
            }
        }
        return new Graph(nodes, strings(spec, "outputs"));
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static List<String> strings(JsonFields f, String key) {
        JsonArray a = f.array(key);
        List<String> out = new ArrayList<>();
        for (JsonElement e : a) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException(f.where() + ": '" + key + "' must list node names, got " + e);
            }
            out.add(e.getAsString());
        }
        return out;
    }
}
