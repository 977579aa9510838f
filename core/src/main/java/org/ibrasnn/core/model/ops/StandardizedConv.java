package org.ibrasnn.core.model.ops;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.WeightedOp;

/**
 * An ungrouped 2-D convolution with standardised weights, a per-channel gain and a bias: the weights that
 * convolve are {@code gain[o] * (W[o] - mean(W[o])) / sqrt(fanIn * var(W[o]) + eps)} (each output channel's
 * weights centred and scaled to variance {@code 1 / fanIn}, {@code fanIn = in * k * k}; scaled weight
 * standardisation). It normalises without batch statistics, so a layer whose batch means swing with the
 * content of a batch (the stem of a detector on sparse scenes) computes the same thing in training and at
 * inference; at inference it is a plain {@link Conv} with a bias ({@link #effectiveWeight}).
 */
public record StandardizedConv(int in, int out, int kernel, int stride, int padding, double eps) implements WeightedOp {

    public static final String TYPE = "standardized-conv";

    /** The epsilon of the architectures that use it. */
    public static final double EPS = 1e-4;

    public StandardizedConv {
        Checks.positive("standardized-conv", in, out, kernel, stride);
        Checks.nonNegative("standardized-conv padding", padding);
        if (!(eps > 0)) {
            throw new IllegalArgumentException("standardized-conv: eps must be > 0, got " + eps);
        }
    }

    static StandardizedConv read(JsonFields f) {
        return new StandardizedConv(f.integer("in"), f.integer("out"), f.integer("kernel"), f.integer("stride"),
                f.integer("padding"), f.decimal("eps"));
    }

    /**
     * The weights that convolve, {@code [out, in, k, k]} flattened, computed in double precision from the raw
     * weights and gains.
     */
    public float[] effectiveWeight(float[] weight, float[] gain) {
        int fanIn = in * kernel * kernel;
        float[] w = new float[weight.length];
        for (int o = 0; o < out; o++) {
            double mean = 0;
            for (int k = 0; k < fanIn; k++) {
                mean += weight[o * fanIn + k];
            }
            mean /= fanIn;
            double var = 0;
            for (int k = 0; k < fanIn; k++) {
                double d = weight[o * fanIn + k] - mean;
                var += d * d;
            }
            var /= fanIn;
            double scale = gain[o] / Math.sqrt(fanIn * var + eps);
            for (int k = 0; k < fanIn; k++) {
                w[o * fanIn + k] = (float) ((weight[o * fanIn + k] - mean) * scale);
            }
        }
        return w;
    }

    @Override
    public float[] inferenceWeight(Function<String, float[]> tensor) {
        return effectiveWeight(tensor.apply("weight"), tensor.apply("gain"));
    }

    /** The plain conv with a bias it becomes at inference. */
    @Override
    public Conv inferenceOp() {
        return new Conv(in, out, kernel, stride, padding, true);
    }

    /** The gain: the standardised weights are invariant to a scale of {@code weight}. */
    @Override
    public String scaleTensor() {
        return "gain";
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inferenceOp().outputShape(inputs);
    }

    @Override
    public Flow outputFlow(List<Flow> inputs) {
        return WeightedOp.flow("standardized-conv", inputs.get(0));
    }

    @Override
    public Map<String, int[]> tensors() {
        Map<String, int[]> t = new LinkedHashMap<>();
        t.put("weight", new int[] {out, in, kernel, kernel});
        t.put("gain", new int[] {out});
        t.put("bias", new int[] {out});
        return t;
    }

    @Override
    public long macs(List<Shape> inputs, Shape output) {
        return inferenceOp().macs(inputs, output);
    }

    @Override
    public int outputs() {
        return out;
    }

    @Override
    public boolean bias() {
        return true;
    }

    @Override
    public StandardizedConv withBias() {
        return this;
    }

    @Override
    public void writeJson(JsonObject o) {
        o.addProperty("in", in);
        o.addProperty("out", out);
        o.addProperty("kernel", kernel);
        o.addProperty("stride", stride);
        o.addProperty("padding", padding);
        o.addProperty("eps", eps);
    }
}
