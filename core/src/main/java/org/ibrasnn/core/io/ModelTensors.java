package org.ibrasnn.core.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.model.Layer;
import org.ibrasnn.core.model.ModelSpec;

/** The tensors a spec implies, by name and shape, in spec order. */
public final class ModelTensors {

    private ModelTensors() {}

    /** Name to shape of every tensor the spec's layers own (recursing into residual blocks). */
    public static Map<String, int[]> expected(ModelSpec spec) {
        Map<String, int[]> out = new LinkedHashMap<>();
        collect(spec.layers(), out);
        return out;
    }

    private static void collect(List<Layer> layers, Map<String, int[]> out) {
        for (Layer layer : layers) {
            switch (layer) {
                case Layer.Conv c -> {
                    out.put(c.name() + ".weight", new int[] {c.outChannels(), c.inChannels(), c.kernel(), c.kernel()});
                    if (c.bias()) {
                        out.put(c.name() + ".bias", new int[] {c.outChannels()});
                    }
                }
                case Layer.BatchNorm b -> {
                    for (String part : List.of("weight", "bias", "running_mean", "running_var")) {
                        out.put(b.name() + "." + part, new int[] {b.channels()});
                    }
                }
                case Layer.Linear l -> {
                    out.put(l.name() + ".weight", new int[] {l.outFeatures(), l.inFeatures()});
                    if (l.bias()) {
                        out.put(l.name() + ".bias", new int[] {l.outFeatures()});
                    }
                }
                case Layer.Residual r -> {
                    collect(r.body(), out);
                    collect(r.projection(), out);
                }
                case Layer.Neuron n -> { }
                case Layer.MaxPool p -> { }
                case Layer.GlobalAvgPool g -> { }
                case Layer.Flatten f -> { }
            }
        }
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
