package org.ibrasnn.djl;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a network's DJL parameters to the stable tensor names of the model file: {@code node.weight},
 * {@code node.bias}, {@code node.running_mean}, {@code node.running_var} (PyTorch's names), and a standardised conv's
 * {@code node.gain}.
 */
public final class NamedParameters {

    private NamedParameters() {}

    /** All parameters of an initialized network by tensor name, in graph order. */
    public static Map<String, Parameter> of(SpikingNetwork network) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, Block> e : network.parameterBlocks().entrySet()) {
            for (var p : e.getValue().getParameters()) {
                out.put(e.getKey() + "." + tensorName(p.getKey()), p.getValue());
            }
        }
        return out;
    }

    private static String tensorName(String djlName) {
        return switch (djlName) {
            case "gamma", "weight" -> "weight";
            case "beta", "bias" -> "bias";
            case "runningMean" -> "running_mean";
            case "runningVar" -> "running_var";
            case "gain" -> "gain";
            default -> throw new IllegalStateException("unexpected DJL parameter '" + djlName + "'");
        };
    }
}
