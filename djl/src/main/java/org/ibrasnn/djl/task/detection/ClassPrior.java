package org.ibrasnn.djl.task.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.Map;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Concat;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.task.detection.HeadLayout;

/**
 * Starts a detector's class logits at a prior, as YOLOv8 does: on a level of H x W cells, the bias of every class
 * logit is {@code log(OBJECTS / (classes * H * W))}, so that at the start each image expects about {@value #OBJECTS}
 * objects spread over the level's cells and classes instead of a score of 0.5 everywhere (whose loss over the
 * mostly empty cells would swamp the first epochs). The bias is found by following each output back through channel
 * concatenations to the biased convs that produce its class channels; outputs made otherwise are left alone.
 */
final class ClassPrior {

    /** Objects expected per image at the start, per level. */
    static final double OBJECTS = 5;

    private ClassPrior() {}

    /** Sets the class-logit biases of every output level of {@code spec} in {@code parameters}. */
    static void apply(ModelSpec spec, Map<String, Parameter> parameters) {
        Graph graph = spec.graph();
        Map<String, Shape> shapes = spec.analysis().shapes();
        for (String output : graph.outputs()) {
            Shape level = shapes.get(output);
            double prior = Math.log(OBJECTS / ((double) spec.classes() * level.height() * level.width()));
            set(graph, shapes, output, 0, prior, parameters);
        }
    }

    /** Visits the node producing output channels from {@code offset} on. */
    private static void set(Graph graph, Map<String, Shape> shapes, String name, int offset, double prior,
                            Map<String, Parameter> parameters) {
        Node node = graph.node(name);
        if (node.op() instanceof Concat) {
            int at = offset;
            for (String in : node.inputs()) {
                set(graph, shapes, in, at, prior, parameters);
                at += shapes.get(in).channels();
            }
        } else if (node.op() instanceof Conv conv && conv.bias()) {
            Parameter bias = parameters.get(name + ".bias");
            int first = Math.max(0, 4 * HeadLayout.REG_MAX - offset);
            if (bias == null || first >= conv.out()) {
                return;
            }
            NDArray values = bias.getArray();
            float[] b = values.toFloatArray();
            for (int c = first; c < conv.out(); c++) {
                b[c] = (float) prior;
            }
            values.set(b);
        }
    }
}
