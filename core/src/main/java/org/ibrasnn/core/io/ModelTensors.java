package org.ibrasnn.core.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.ModelSpec;

/** The tensors a spec implies, by name and shape, in graph order. */
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

    /** Fails naming the first tensor that is missing, extra or of the wrong shape. */
    static void check(ModelSpec spec, Map<String, Tensor> tensors, java.nio.file.Path file) throws ModelFormatException {
        Map<String, int[]> expected = expected(spec);
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null) {
                throw new ModelFormatException(file, "tensor " + e.getKey() + " " + Arrays.toString(e.getValue())
                        + " required by the spec is missing");
            }
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new ModelFormatException(file, "tensor " + e.getKey() + " has shape " + t.shapeText()
                        + " but the spec needs " + Arrays.toString(e.getValue()));
            }
        }
        for (String name : tensors.keySet()) {
            if (!expected.containsKey(name)) {
                throw new ModelFormatException(file, "tensor " + name + " is not part of the spec");
            }
        }
    }
}
