package org.ibrasnn.core.energy;

import java.util.ArrayList;
import java.util.List;
import org.ibrasnn.core.model.Layer;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;

/**
 * Multiply-accumulates of one dense (ANN) pass of an architecture, per conv/linear layer: a conv costs
 * {@code outC x outH x outW x inC x k x k} (padded positions included), a linear {@code in x out}.
 * BatchNorm (folded into the weights at inference), pooling and residual additions are not counted.
 */
public final class DenseOperations {

    /** MACs of one layer for one image and one timestep. */
    public record LayerMacs(String name, String kind, long macs) {}

    private Shape shape;
    private final List<LayerMacs> out = new ArrayList<>();

    private DenseOperations(Shape input) {
        this.shape = input;
    }

    /** Per-layer MACs of one timestep, in network order. */
    public static List<LayerMacs> of(ModelSpec spec) {
        DenseOperations ops = new DenseOperations(spec.stepInput());
        ops.walk(spec.layers());
        return List.copyOf(ops.out);
    }

    /** MACs of one image: every timestep the network runs ({@link ModelSpec#steps()}). */
    public static long perImage(ModelSpec spec) {
        return total(of(spec)) * spec.steps();
    }

    /** Sum over layers. */
    public static long total(List<LayerMacs> layers) {
        return layers.stream().mapToLong(LayerMacs::macs).sum();
    }

    private void walk(List<Layer> layers) {
        for (Layer layer : layers) {
            switch (layer) {
                case Layer.Conv c -> {
                    shape = c.outputShape(shape);
                    out.add(new LayerMacs(c.name(), "conv",
                            (long) shape.size() * c.inChannels() * c.kernel() * c.kernel()));
                }
                case Layer.Linear l -> {
                    out.add(new LayerMacs(l.name(), "linear", (long) l.inFeatures() * l.outFeatures()));
                    shape = Shape.flat(l.outFeatures());
                }
                case Layer.MaxPool p -> shape = p.outputShape(shape);
                case Layer.GlobalAvgPool g -> shape = Shape.flat(shape.channels());
                case Layer.Flatten f -> shape = Shape.flat(shape.size());
                case Layer.Residual r -> {
                    Shape in = shape;
                    walk(r.body());
                    Shape after = shape;
                    shape = in;
                    walk(r.projection());
                    shape = after;
                }
                case Layer.BatchNorm b -> { }
                case Layer.Neuron n -> { }
            }
        }
    }
}
