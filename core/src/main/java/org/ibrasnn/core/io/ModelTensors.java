package org.ibrasnn.core.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ops.BatchNorm;

/** The tensors a spec implies, by name and shape, in graph order, and what a model's tensors must satisfy. */
public final class ModelTensors {

    private ModelTensors() {}

    /** Name ({@code node.suffix}) to shape of every tensor the graph's nodes own. */
    public static Map<String, int[]> expected(ModelSpec spec) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Node n : spec.graph().nodes()) {
            n.op().tensors().forEach((suffix, shape) -> out.put(n.name() + "." + suffix, shape));
        }
        return out;
    }

    /**
     * Trainable parameters: the values of every tensor except BatchNorm's running statistics, which are buffers
     * (as PyTorch counts {@code model.parameters()}).
     */
    public static long parameters(ModelSpec spec) {
        long total = 0;
        for (Map.Entry<String, int[]> e : expected(spec).entrySet()) {
            if (!e.getKey().endsWith(".running_mean") && !e.getKey().endsWith(".running_var")) {
                long size = 1;
                for (int d : e.getValue()) {
                    size = Math.multiplyExact(size, d);
                }
                total = Math.addExact(total, size);
            }
        }
        return total;
    }

    /** The first tensor, by name and shape, that is missing, extra or of the wrong shape, in words. */
    static Optional<String> shapeProblem(ModelSpec spec, Map<String, int[]> shapes) {
        Map<String, int[]> expected = expected(spec);
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            int[] shape = shapes.get(e.getKey());
            if (shape == null) {
                return Optional.of("tensor " + e.getKey() + " " + Arrays.toString(e.getValue())
                        + " required by the spec is missing");
            }
            if (!Arrays.equals(shape, e.getValue())) {
                return Optional.of("tensor " + e.getKey() + " has shape " + Arrays.toString(shape)
                        + " but the spec needs " + Arrays.toString(e.getValue()));
            }
        }
        return shapes.keySet().stream().filter(name -> !expected.containsKey(name)).findFirst()
                .map(name -> "tensor " + name + " is not part of the spec");
    }

    /** The first value that is not finite, or a negative BatchNorm running variance, in words. */
    static Optional<String> valueProblem(ModelSpec spec, Map<String, Tensor> tensors) {
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            for (int i = 0; i < t.size(); i++) {
                if (!Float.isFinite(t.get(i))) {
                    return Optional.of("tensor " + e.getKey() + " holds " + t.get(i) + " at index " + i);
                }
            }
        }
        for (Node n : spec.graph().nodes()) {
            Tensor var = n.op() instanceof BatchNorm ? tensors.get(n.name() + ".running_var") : null;
            for (int i = 0; var != null && i < var.size(); i++) {
                if (var.get(i) < 0) {
                    return Optional.of("tensor " + n.name() + ".running_var holds the negative variance "
                            + var.get(i) + " at index " + i);
                }
            }
        }
        return Optional.empty();
    }
}
