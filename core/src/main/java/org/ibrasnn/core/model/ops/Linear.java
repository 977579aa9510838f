package org.ibrasnn.core.model.ops;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.WeightedOp;

/** Fully connected layer over a flat input, weights {@code [out, in]}. */
public record Linear(int in, int out, boolean bias) implements WeightedOp {

    public static final String TYPE = "linear";

    public Linear {
        Checks.positive("linear", in, out);
    }

    static Linear read(JsonFields f) {
        return new Linear(f.integer("in"), f.integer("out"), f.bool("bias"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape s = inputs.get(0);
        if (!s.isFlat() || s.channels() != in) {
            throw new IllegalArgumentException("expects a flat " + in + " input, gets " + s);
        }
        return Shape.flat(out);
    }

    @Override
    public Flow outputFlow(List<Flow> inputs) {
        return WeightedOp.flow("linear", inputs.get(0));
    }

    @Override
    public Map<String, int[]> tensors() {
        Map<String, int[]> t = new LinkedHashMap<>();
        t.put("weight", new int[] {out, in});
        if (bias) {
            t.put("bias", new int[] {out});
        }
        return t;
    }

    @Override
    public long macs(List<Shape> inputs, Shape output) {
        return (long) in * out;
    }

    @Override
    public int outputs() {
        return out;
    }

    @Override
    public Linear withBias() {
        return new Linear(in, out, true);
    }

    @Override
    public void writeJson(JsonObject o) {
        o.addProperty("in", in);
        o.addProperty("out", out);
        o.addProperty("bias", bias);
    }
}
