package org.ibrasnn.core.model.ops;

import com.google.gson.JsonObject;
import java.util.List;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.Windows;

/** Max-pooling with a square window; allowed only on membrane-side (real) values, before a neuron. */
public record MaxPool(int kernel, int stride, int padding) implements org.ibrasnn.core.model.Op {

    public static final String TYPE = "maxpool";

    public MaxPool {
        Checks.positive("maxpool", kernel, stride);
        if (padding < 0 || padding * 2 > kernel) {
            throw new IllegalArgumentException("maxpool: padding must be in [0, kernel/2], got " + padding);
        }
    }

    static MaxPool read(JsonFields f) {
        return new MaxPool(f.integer("kernel"), f.integer("stride"), f.integer("padding"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape s = inputs.get(0);
        return new Shape(s.channels(), Windows.out(s.height(), kernel, stride, padding, "maxpool"),
                Windows.out(s.width(), kernel, stride, padding, "maxpool"));
    }

    @Override
    public Flow outputFlow(List<Flow> inputs) {
        Checks.real("max-pooling", inputs.get(0));
        return Flow.REAL;
    }

    @Override
    public void writeJson(JsonObject o) {
        o.addProperty("kernel", kernel);
        o.addProperty("stride", stride);
        o.addProperty("padding", padding);
    }
}
