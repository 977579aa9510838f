package org.ibrasnn.core.model;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One operation of a network graph, described as data: its output shape and flow over its inputs', the
 * tensors it owns, its dense multiply-accumulates and its JSON fields. Each op lives in its own file of
 * {@code org.ibrasnn.core.model.ops} and is listed in {@link org.ibrasnn.core.model.ops.Ops}; the DJL block and the spike-driven executor
 * of an op live in their own files of those modules, listed in their registries.
 */
public interface Op {

    /** The JSON discriminator, e.g. {@code conv}. */
    String type();

    /** How many inputs the op takes: an exact count, or {@link #VARIADIC} for two or more; one unless overridden. */
    default int arity() {
        return 1;
    }

    /** {@link #arity()} of ops that take two or more inputs. */
    int VARIADIC = -1;

    /** The output shape for these input shapes; an {@link IllegalArgumentException} says what does not fit. */
    Shape outputShape(List<Shape> inputs);

    /** The output flow for these input flows; an {@link IllegalArgumentException} names the broken rule. */
    Flow outputFlow(List<Flow> inputs);

    /** Shapes of the tensors the op owns, by suffix ({@code weight}, {@code running_mean}, ...), in file order. */
    default Map<String, int[]> tensors() {
        return Map.of();
    }

    /** Multiply-accumulates of one dense pass for one image and timestep. */
    default long macs(List<Shape> inputs, Shape output) {
        return 0;
    }

    /** Writes the op's own fields (not {@code type}, {@code name} or {@code inputs}); ops without fields write none. */
    default void writeJson(JsonObject o) {}
}
