package org.ibrasnn.core.model.ops;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Shape;

/**
 * Batch normalisation over channels (weight = gamma, bias = beta, running statistics, eps) of real values.
 * At inference it folds into the weighted op before it: {@link #foldInto}.
 */
public record BatchNorm(int channels, double eps) implements org.ibrasnn.core.model.Op {

    public static final String TYPE = "batchnorm";

    public BatchNorm {
        Checks.positive("batchnorm", channels);
        if (!(eps > 0)) {
            throw new IllegalArgumentException("batchnorm: eps must be > 0, got " + eps);
        }
    }

    static BatchNorm read(JsonFields f) {
        return new BatchNorm(f.integer("channels"), f.decimal("eps"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape s = inputs.get(0);
        if (s.channels() != channels) {
            throw new IllegalArgumentException("needs " + channels + " channels, gets " + s);
        }
        return s;
    }

    @Override
    public Flow outputFlow(List<Flow> inputs) {
        Checks.real("batchnorm", inputs.get(0));
        return Flow.REAL;
    }

    @Override
    public Map<String, int[]> tensors() {
        Map<String, int[]> t = new LinkedHashMap<>();
        for (String part : List.of("weight", "bias", "running_mean", "running_var")) {
            t.put(part, new int[] {channels});
        }
        return t;
    }

    /**
     * Folds this normalisation into the weights {@code w} ({@code [channels, perOutput]}) and bias {@code b}
     * of the op before it: {@code W' = W * g / sqrt(var + eps)}, {@code b' = (b - mean) * g / sqrt(var + eps) + beta}.
     */
    public void foldInto(float[] w, float[] b, float[] gamma, float[] beta, float[] mean, float[] var) {
        int perOut = w.length / channels;
        for (int o = 0; o < channels; o++) {
            float scale = (float) (gamma[o] / Math.sqrt(var[o] + eps));
            for (int k = 0; k < perOut; k++) {
                w[o * perOut + k] *= scale;
            }
            b[o] = (b[o] - mean[o]) * scale + beta[o];
        }
    }

    @Override
    public void writeJson(JsonObject o) {
        o.addProperty("channels", channels);
        o.addProperty("eps", eps);
    }
}
