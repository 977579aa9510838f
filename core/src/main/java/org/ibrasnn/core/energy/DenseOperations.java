package org.ibrasnn.core.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.WeightedOp;

/**
 * Multiply-accumulates of one dense (ANN) pass of an architecture, per weighted node, as each op counts
 * them (a conv {@code outC x outH x outW x inC / groups x k x k}, padded positions included; a linear
 * {@code in x out}). BatchNorm (folded into the weights at inference), pooling and additions are not counted.
 */
public final class DenseOperations {

    /** MACs of one node for one image and one timestep. */
    public record LayerMacs(String name, String kind, long macs) {}

    private DenseOperations() {}

    /** Per-node MACs of one timestep, in graph order. */
    public static List<LayerMacs> of(ModelSpec spec) {
        Graph.Analysis a = spec.analysis();
        List<LayerMacs> out = new ArrayList<>();
        for (Node n : spec.graph().nodes()) {
            if (n.op() instanceof WeightedOp) {
                out.add(new LayerMacs(n.name(), n.op().type(), n.op().macs(a.inputShapes(n), a.shapes().get(n.name()))));
            }
        }
        return List.copyOf(out);
    }

    /** MACs of one image: every timestep the network runs ({@link ModelSpec#steps()}). */
    public static long perImage(ModelSpec spec) {
        return exact(() -> Math.multiplyExact(total(of(spec)), spec.steps()));
    }

    /** Sum over layers, exact: a sum beyond 2^63 - 1 is refused. */
    public static long total(List<LayerMacs> layers) {
        return exact(() -> layers.stream().mapToLong(LayerMacs::macs).reduce(0, Math::addExact));
    }

    private static long exact(LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the network needs more than 2^63 multiply-accumulates per image", e);
        }
    }
}
