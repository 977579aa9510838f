package org.ibrasnn.core.model.ops;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import org.ibrasnn.core.model.ActivationJson;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.Activation;

/**
 * A layer of neurons with their own membrane state: real values in, spikes out (ReLU in an ANN twin). The
 * activation is the network's default unless the node sets its own.
 */
public record Neuron(Optional<Activation> activation) implements org.ibrasnn.core.model.Op {

    public static final String TYPE = "neuron";

    /** A neuron with the network's default activation. */
    public Neuron() {
        this(Optional.empty());
    }

    public Neuron {
        if (activation == null) {
            throw new IllegalArgumentException("neuron: activation must be present or empty, not null");
        }
    }

    static Neuron read(JsonFields f) {
        return new Neuron(f.has("activation") ? Optional.of(ActivationJson.read(f.object("activation")))
                : Optional.empty());
    }

    /** This node's activation: its own, or {@code network}'s default. */
    public Activation activation(Activation network) {
        return activation.orElse(network);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public Flow outputFlow(List<Flow> inputs) {
        if (inputs.get(0) != Flow.REAL) {
            throw new IllegalArgumentException("a neuron must follow a conv/linear/batchnorm (REAL values), not "
                    + inputs.get(0));
        }
        return Flow.SPIKES;
    }

    @Override
    public void writeJson(JsonObject o) {
        activation.ifPresent(a -> o.add("activation", ActivationJson.write(a)));
    }
}
