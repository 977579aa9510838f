package org.ibrasnn.core.model;

import com.google.gson.JsonObject;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.neuron.ResetMode;

/** JSON form of an {@link Activation}: a {@code kind} and the neuron's parameters. */
public final class ActivationJson {

    private ActivationJson() {}

    public static JsonObject write(Activation a) {
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
        if (a instanceof NeuronSpec n) {
            o.addProperty("alpha", n.alpha());
            o.addProperty("T", n.timesteps());
        }
        return o;
    }

    public static Activation read(JsonObject o) {
        JsonFields f = new JsonFields(o, "activation");
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
}
