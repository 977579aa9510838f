package org.ibrasnn.core.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import org.ibrasnn.core.model.Layer;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.neuron.ResetMode;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.core.task.Tasks;

/**
 * JSON form of a {@link ModelSpec}, stored in model files: activations carry a {@code kind} and layers a
 * {@code type} discriminator. Reading re-runs every validation of the spec records; faults are
 * {@link IllegalArgumentException}s naming the field.
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
        o.add("activation", activation(spec.activation()));
        o.add("layers", layers(spec.layers()));
        return o.toString();
    }

    public static ModelSpec fromJson(String json) {
        JsonObject o;
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("spec JSON is not an object");
            }
            o = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("spec JSON is not valid JSON: " + e.getMessage(), e);
        }
        Fields f = new Fields(o, "spec");
        JsonArray input = f.array("input");
        if (input.size() != 3) {
            throw new IllegalArgumentException("spec: 'input' must be [channels, height, width]");
        }
        Shape shape = new Shape(number(input.get(0), "spec.input").intValue(),
                number(input.get(1), "spec.input").intValue(), number(input.get(2), "spec.input").intValue());
        int frames = o.has("input_frames") ? number(o.get("input_frames"), "spec.input_frames").intValue() : 1;
        Task task = o.has("task") ? Tasks.named(f.string("task")) : Tasks.DEFAULT;
        return new ModelSpec(f.string("arch"), shape, f.integer("classes"),
                readActivation(f.object("activation")), readLayers(f.array("layers"), "spec.layers"), frames, task);
    }

    private static JsonObject activation(Activation a) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", a.kind());
        switch (a) {
            case Relu r -> { }
            case LifSpec l -> {
                o.addProperty("threshold", l.threshold());
                o.addProperty("reset", l.reset().name());
                o.addProperty("surrogate_alpha", l.surrogateAlpha());
            }
            case ILifSpec i -> o.addProperty("D", i.maxValue());
            case IbLifSpec b -> o.addProperty("bits", b.bits());
            case IbraLifSpec r -> {
                o.addProperty("D", r.d());
                o.addProperty("N", r.n());
            }
        }
        if (a instanceof org.ibrasnn.core.neuron.NeuronSpec n) {
            o.addProperty("alpha", n.alpha());
            o.addProperty("T", n.timesteps());
        }
        return o;
    }

    private static Activation readActivation(JsonObject o) {
        Fields f = new Fields(o, "activation");
        String kind = f.string("kind");
        return switch (kind) {
            case "ann" -> new Relu();
            case "lif" -> new LifSpec(f.decimal("threshold"), reset(f.string("reset")), f.decimal("surrogate_alpha"),
                    f.decimal("alpha"), f.integer("T"));
            case "ilif" -> new ILifSpec(f.integer("D"), f.decimal("alpha"), f.integer("T"));
            case "iblif" -> new IbLifSpec(f.integer("bits"), f.decimal("alpha"), f.integer("T"));
            case "ibra" -> new IbraLifSpec(f.decimal("D"), f.integer("N"), f.decimal("alpha"), f.integer("T"));
            default -> throw new IllegalArgumentException("activation: unknown kind '" + kind + "'");
        };
    }

    private static ResetMode reset(String text) {
        try {
            return ResetMode.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("activation: unknown reset '" + text + "' (SOFT or HARD)", e);
        }
    }

    private static JsonArray layers(List<Layer> layers) {
        JsonArray a = new JsonArray();
        layers.forEach(l -> a.add(layer(l)));
        return a;
    }

    private static JsonObject layer(Layer layer) {
        JsonObject o = new JsonObject();
        switch (layer) {
            case Layer.Conv c -> {
                o.addProperty("type", "conv");
                o.addProperty("name", c.name());
                o.addProperty("in", c.inChannels());
                o.addProperty("out", c.outChannels());
                o.addProperty("kernel", c.kernel());
                o.addProperty("stride", c.stride());
                o.addProperty("padding", c.padding());
                o.addProperty("bias", c.bias());
            }
            case Layer.BatchNorm b -> {
                o.addProperty("type", "batchnorm");
                o.addProperty("name", b.name());
                o.addProperty("channels", b.channels());
                o.addProperty("eps", b.eps());
            }
            case Layer.Neuron n -> {
                o.addProperty("type", "neuron");
                o.addProperty("name", n.name());
            }
            case Layer.MaxPool p -> {
                o.addProperty("type", "maxpool");
                o.addProperty("kernel", p.kernel());
                o.addProperty("stride", p.stride());
                o.addProperty("padding", p.padding());
            }
            case Layer.GlobalAvgPool g -> o.addProperty("type", "global_avg_pool");
            case Layer.Flatten f -> o.addProperty("type", "flatten");
            case Layer.Linear l -> {
                o.addProperty("type", "linear");
                o.addProperty("name", l.name());
                o.addProperty("in", l.inFeatures());
                o.addProperty("out", l.outFeatures());
                o.addProperty("bias", l.bias());
            }
            case Layer.Residual r -> {
                o.addProperty("type", "residual");
                o.addProperty("name", r.name());
                o.addProperty("entry", r.entry().name());
                o.add("body", layers(r.body()));
                o.add("projection", layers(r.projection()));
            }
        }
        return o;
    }

    private static List<Layer> readLayers(JsonArray array, String where) {
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = where + "[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new IllegalArgumentException(at + ": layer is not a JSON object");
            }
            out.add(readLayer(new Fields(array.get(i).getAsJsonObject(), at), at));
        }
        return out;
    }

    private static Layer readLayer(Fields f, String at) {
        String type = f.string("type");
        return switch (type) {
            case "conv" -> new Layer.Conv(f.string("name"), f.integer("in"), f.integer("out"), f.integer("kernel"),
                    f.integer("stride"), f.integer("padding"), f.bool("bias"));
            case "batchnorm" -> new Layer.BatchNorm(f.string("name"), f.integer("channels"), f.decimal("eps"));
            case "neuron" -> new Layer.Neuron(f.string("name"));
            case "maxpool" -> new Layer.MaxPool(f.integer("kernel"), f.integer("stride"), f.integer("padding"));
            case "global_avg_pool" -> new Layer.GlobalAvgPool();
            case "flatten" -> new Layer.Flatten();
            case "linear" -> new Layer.Linear(f.string("name"), f.integer("in"), f.integer("out"), f.bool("bias"));
            case "residual" -> new Layer.Residual(f.string("name"), new Layer.Neuron(f.string("entry")),
                    readLayers(f.array("body"), at + ".body"), readLayers(f.array("projection"), at + ".projection"));
            default -> throw new IllegalArgumentException(at + ": unknown layer type '" + type + "'");
        };
    }

    private static Number number(JsonElement e, String where) {
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
            throw new IllegalArgumentException(where + ": expected a number, got " + e);
        }
        return p.getAsNumber();
    }

    /** Typed, named access to an object's fields with messages that say where a fault is. */
    private record Fields(JsonObject o, String where) {

        private JsonElement get(String key) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) {
                throw new IllegalArgumentException(where + ": missing field '" + key + "'");
            }
            return e;
        }

        String string(String key) {
            if (!(get(key) instanceof JsonPrimitive p) || !p.isString()) {
                throw new IllegalArgumentException(where + ": field '" + key + "' must be a string");
            }
            return p.getAsString();
        }

        int integer(String key) {
            double v = number(get(key), where + "." + key).doubleValue();
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(where + ": field '" + key + "' must be an integer, got " + v);
            }
            return (int) v;
        }

        double decimal(String key) {
            return number(get(key), where + "." + key).doubleValue();
        }

        boolean bool(String key) {
            if (!(get(key) instanceof JsonPrimitive p) || !p.isBoolean()) {
                throw new IllegalArgumentException(where + ": field '" + key + "' must be true or false");
            }
            return p.getAsBoolean();
        }

        JsonArray array(String key) {
            if (!get(key).isJsonArray()) {
                throw new IllegalArgumentException(where + ": field '" + key + "' must be an array");
            }
            return get(key).getAsJsonArray();
        }

        JsonObject object(String key) {
            if (!get(key).isJsonObject()) {
                throw new IllegalArgumentException(where + ": field '" + key + "' must be an object");
            }
            return get(key).getAsJsonObject();
        }
    }
}
