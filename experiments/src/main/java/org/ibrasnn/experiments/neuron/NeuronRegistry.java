package org.ibrasnn.experiments.neuron;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;

/**
 * Neuron settings by name. {@link #standard()} knows {@code ann} (the ReLU twin), {@code lif}, {@code ilif},
 * {@code iblif} and {@code ibra}; {@link #register} adds more, so a library user can offer their own setting
 * wherever a name is parsed.
 */
public final class NeuronRegistry {

    /** Builds one setting's activation from the shared parameters, or throws IllegalArgumentException. */
    @FunctionalInterface
    public interface Factory {
        Activation create(NeuronParameters parameters);
    }

    private final Map<String, Factory> factories = new LinkedHashMap<>();

    private NeuronRegistry() {}

    /** A new registry holding the five settings of the neuron family. */
    public static NeuronRegistry standard() {
        return new NeuronRegistry()
                .register("ann", p -> new Relu())
                .register("lif", p -> new LifSpec(p.threshold(), p.reset(), 2.0, p.alpha(), p.timesteps()))
                .register("ilif", p -> new ILifSpec(integerD(p, 4), p.alpha(), p.timesteps()))
                .register("iblif", p -> IbLifSpec.ofD(p.d().orElse(15), p.alpha(), p.timesteps()))
                .register("ibra", p -> new IbraLifSpec(p.d().orElse(5.11), p.n().orElse(100), p.alpha(), p.timesteps()));
    }

    /** Adds a setting under a new name; returns this registry. */
    public NeuronRegistry register(String name, Factory factory) {
        if (factories.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("neuron '" + name + "' is already registered");
        }
        return this;
    }

    /** The registered names, in registration order. */
    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    /** The activation of setting {@code name}, or an IllegalArgumentException naming the bad value. */
    public Activation create(String name, NeuronParameters parameters) {
        Factory factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown neuron '" + name + "'; choose " + choices());
        }
        return factory.create(parameters);
    }

    private String choices() {
        List<String> names = new ArrayList<>(factories.keySet());
        String last = names.removeLast();
        return names.isEmpty() ? last : String.join(", ", names) + " or " + last;
    }

    private static int integerD(NeuronParameters p, int fallback) {
        if (p.d().isEmpty()) {
            return fallback;
        }
        double d = p.d().getAsDouble();
        if (d != Math.rint(d) || d < 1 || d > 1 << 20) {
            throw new IllegalArgumentException("I-LIF needs an integer D >= 1, got D=" + d);
        }
        return (int) d;
    }
}
