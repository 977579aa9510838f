package org.ibrasnn.core.model.ops;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.WeightedOp;
import org.ibrasnn.core.model.Windows;

/**
 * 2-D convolution, weights OIHW ({@code [out, in / groups, k, k]}); square kernel, equal stride and zero
 * padding on both axes. {@code groups} splits the channels into independent groups; {@code groups = in = out}
 * is a depthwise conv.
 */
public record Conv(int in, int out, int kernel, int stride, int padding, int groups, boolean bias)
        implements WeightedOp {

    public static final String TYPE = "conv";

    /** An ungrouped conv. */
    public Conv(int in, int out, int kernel, int stride, int padding, boolean bias) {
        this(in, out, kernel, stride, padding, 1, bias);
    }

    public Conv {
        Checks.positive("conv", in, out, kernel, stride, groups);
        Checks.nonNegative("conv padding", padding);
        if (in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("conv: " + groups + " groups do not divide " + in + " input and "
                    + out + " output channels");
        }
    }

    static Conv read(JsonFields f) {
        return new Conv(f.integer("in"), f.integer("out"), f.integer("kernel"), f.integer("stride"),
                f.integer("padding"), f.integer("groups", 1), f.bool("bias"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape s = inputs.get(0);
        if (s.channels() != in) {
            throw new IllegalArgumentException("expects " + in + " input channels, gets " + s);
        }
        return new Shape(out, Windows.out(s.height(), kernel, stride, padding, "conv"),
                Windows.out(s.width(), kernel, stride, padding, "conv"));
    }

    @Override
    public Flow outputFlow(List<Flow> inputs) {
        return WeightedOp.flow("conv", inputs.get(0));
    }

    @Override
    public Map<String, int[]> tensors() {
        Map<String, int[]> t = new LinkedHashMap<>();
        t.put("weight", new int[] {out, in / groups, kernel, kernel});
        if (bias) {
            t.put("bias", new int[] {out});
        }
        return t;
    }

    /** {@code outC x outH x outW x (inC / groups) x k x k}, padded positions included. */
    @Override
    public long macs(List<Shape> inputs, Shape output) {
        try {
            return Math.multiplyExact(Math.multiplyExact((long) output.size() * (in / groups), kernel), kernel);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("conv: more than 2^63 multiply-accumulates at output " + output, e);
        }
    }

    @Override
    public int outputs() {
        return out;
    }

    @Override
    public Conv withBias() {
        return new Conv(in, out, kernel, stride, padding, groups, true);
    }

    @Override
    public void writeJson(JsonObject o) {
        o.addProperty("in", in);
        o.addProperty("out", out);
        o.addProperty("kernel", kernel);
        o.addProperty("stride", stride);
        o.addProperty("padding", padding);
        if (groups != 1) {
            o.addProperty("groups", groups);
        }
        o.addProperty("bias", bias);
    }
}
