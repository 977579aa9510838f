package org.ibrasnn.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Layer;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.CountingNeuronSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;

/**
 * Turns a training model file into an inference one: every BatchNorm is folded into the conv before it
 * ({@code W' = W * g / sqrt(var + eps)}, {@code b' = (b - mean) * g / sqrt(var + eps) + beta}), and the
 * range alignment's 1/N is folded into every conv/linear that consumes neuron outputs ({@code W / N}), so
 * those layers receive integer counts and only accumulate. The inference spec is the training spec with
 * the BatchNorm layers removed and their convs given a bias.
 */
public final class InferenceExport {

    private final ModelSpec spec;
    private final Map<String, Tensor> in;
    private final Map<String, Tensor> out = new LinkedHashMap<>();
    private final int n;

    private InferenceExport(ModelFile training) {
        this.spec = training.spec();
        this.in = training.tensors();
        this.n = rangeFactor(spec.activation());
    }

    /** Folds a training model file into an inference model file. */
    public static ModelFile fold(ModelFile training) {
        if (!"training".equals(training.kind())) {
            throw new IllegalArgumentException("expected a training model file, got kind '" + training.kind() + "'");
        }
        InferenceExport export = new InferenceExport(training);
        List<Layer> layers = export.layers(training.spec().layers(), false);
        ModelSpec folded = training.spec().withLayers(layers);
        Map<String, String> provenance = new LinkedHashMap<>(training.provenance());
        provenance.put("folded", "batchnorm into conv; range alignment 1/N (N=" + export.n + ") into spike-driven layers");
        return training.derive("inference", folded, provenance, export.out);
    }

    /** N, the number of counts per unit of emitted value (1 for LIF and ReLU). */
    static int rangeFactor(Activation activation) {
        return switch (activation) {
            case Relu r -> 1;
            case LifSpec l -> 1;
            case CountingNeuronSpec c -> c.n();
        };
    }

    /** Folds a layer list; {@code spikes} says whether its first layer consumes neuron outputs. */
    private List<Layer> layers(List<Layer> layers, boolean spikes) {
        List<Layer> result = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            Layer next = i + 1 < layers.size() ? layers.get(i + 1) : null;
            switch (layer) {
                case Layer.Conv c -> {
                    Layer.BatchNorm bn = next instanceof Layer.BatchNorm b ? b : null;
                    result.add(conv(c, bn, spikes));
                    if (bn != null) {
                        i++;
                    }
                    spikes = false;
                }
                case Layer.Linear l -> {
                    result.add(linear(l, spikes));
                    spikes = false;
                }
                case Layer.BatchNorm b -> throw new IllegalArgumentException("batchnorm " + b.name()
                        + " does not follow a conv; only conv + BN can be folded");
                case Layer.Neuron n -> {
                    result.add(n);
                    spikes = true;
                }
                case Layer.Residual r -> {
                    result.add(new Layer.Residual(r.name(), r.entry(), layers(r.body(), true),
                            layers(r.projection(), true)));
                    spikes = false;
                }
                case Layer.MaxPool p -> result.add(p);
                case Layer.GlobalAvgPool g -> result.add(g);
                case Layer.Flatten f -> result.add(f);
            }
        }
        return result;
    }

    private Layer conv(Layer.Conv c, Layer.BatchNorm bn, boolean consumesSpikes) {
        float[] w = in.get(c.name() + ".weight").toArray();
        float[] b = c.bias() ? in.get(c.name() + ".bias").toArray() : new float[c.outChannels()];
        int perOut = w.length / c.outChannels();
        if (bn != null) {
            float[] gamma = in.get(bn.name() + ".weight").toArray();
            float[] beta = in.get(bn.name() + ".bias").toArray();
            float[] mean = in.get(bn.name() + ".running_mean").toArray();
            float[] var = in.get(bn.name() + ".running_var").toArray();
            for (int o = 0; o < c.outChannels(); o++) {
                float scale = (float) (gamma[o] / Math.sqrt(var[o] + bn.eps()));
                for (int k = 0; k < perOut; k++) {
                    w[o * perOut + k] *= scale;
                }
                b[o] = (b[o] - mean[o]) * scale + beta[o];
            }
        }
        alignRange(w, consumesSpikes);
        out.put(c.name() + ".weight", Tensor.of(w, c.outChannels(), c.inChannels(), c.kernel(), c.kernel()));
        out.put(c.name() + ".bias", Tensor.of(b, c.outChannels()));
        return new Layer.Conv(c.name(), c.inChannels(), c.outChannels(), c.kernel(), c.stride(), c.padding(), true);
    }

    private Layer linear(Layer.Linear l, boolean consumesSpikes) {
        float[] w = in.get(l.name() + ".weight").toArray();
        alignRange(w, consumesSpikes);
        out.put(l.name() + ".weight", Tensor.of(w, l.outFeatures(), l.inFeatures()));
        if (l.bias()) {
            out.put(l.name() + ".bias", in.get(l.name() + ".bias"));
        }
        return l;
    }

    /** W / N: the consuming layer then takes the integer count S instead of S / N. */
    private void alignRange(float[] w, boolean consumesSpikes) {
        if (consumesSpikes && n != 1) {
            for (int i = 0; i < w.length; i++) {
                w[i] = w[i] / n;
            }
        }
    }
}
