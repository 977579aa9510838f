package org.ibrasnn.core.convert;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.WeightedOp;
import org.ibrasnn.core.neuron.CountingNeuronSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.Relu;

/**
 * Converts a trained ReLU ANN (a training model file) into a spiking one.
 *
 * <p>{@link #plain} replaces every ReLU by the target neuron and keeps every weight, as the paper does
 * ("without any additional operations"). {@link #calibrated} also rescales each membrane-side stream so
 * that a measured activation level of the ANN (for example the 99.99th percentile of the positive inputs
 * to a neuron layer) lands on the neuron's saturation level: D for the integer neurons, the threshold for
 * LIF. The scale is folded into the weights (BatchNorm gamma and beta of the layer writing the stream, or
 * the weights and bias when no BatchNorm follows; a standardised conv's gain stands for its weights) and
 * undone in the weights of every layer that reads the neuron's spikes, so the neuron settings stay exactly
 * as given and the outputs keep the ANN's scale.
 */
public final class AnnConversion {

    private AnnConversion() {}

    /** The ANN with every ReLU replaced by {@code target}; tensors unchanged. */
    public static ModelFile plain(ModelFile ann, NeuronSpec target) {
        requireAnn(ann);
        return ann.derive("training", ann.spec().withActivation(target),
                provenance(ann, target, "plain: ReLU replaced, weights unchanged"), ann.tensors());
    }

    /**
     * The ANN converted with per-stream scales. {@code levels} maps each neuron layer name to the ANN
     * activation level that should reach the neuron's saturation; layers without a positive level keep
     * scale 1. Neurons that read one stream share the scale of the largest level among them.
     */
    public static ModelFile calibrated(ModelFile ann, NeuronSpec target, Map<String, Double> levels, String how) {
        requireAnn(ann);
        Streams streams = Streams.of(ann.spec().graph());
        Map<String, Integer> neurons = streams.neurons();
        if (!neurons.keySet().equals(levels.keySet())) {
            throw new IllegalArgumentException("calibration levels name " + levels.keySet()
                    + " but the network's neuron layers are " + neurons.keySet());
        }
        Map<Integer, Double> highest = new HashMap<>();
        neurons.forEach((name, stream) -> {
            double level = levels.get(name);
            if (level > 0 && Double.isFinite(level)) {
                highest.merge(stream, level, Math::max);
            }
        });
        Map<Integer, Double> scale = new HashMap<>();
        highest.forEach((stream, level) -> scale.put(stream, saturation(target) / level));
        Map<String, Tensor> tensors = new LinkedHashMap<>(ann.tensors());
        for (Streams.Producer p : streams.producers()) {
            double in = p.reads() < 0 ? 1 : 1 / (scale.getOrDefault(p.reads(), 1.0) * gain(target));
            double out = scale.getOrDefault(p.writes(), 1.0);
            String scaled = p.weights() + "." + ((WeightedOp) ann.spec().graph().node(p.weights()).op()).scaleTensor();
            if (p.batchNorm() != null) {
                multiply(tensors, scaled, in);
                multiply(tensors, p.batchNorm() + ".weight", out);
                multiply(tensors, p.batchNorm() + ".bias", out);
            } else {
                multiply(tensors, scaled, in * out);
                multiply(tensors, p.weights() + ".bias", out);
            }
        }
        StringBuilder note = new StringBuilder(how).append("; stream scales");
        neurons.forEach((name, stream) -> note.append(String.format(Locale.ROOT, " %s=%.6g", name,
                scale.getOrDefault(stream, 1.0))));
        return ann.derive("training", ann.spec().withActivation(target), provenance(ann, target, note.toString()),
                tensors);
    }

    /** The input level at which the neuron's emitted value per timestep stops growing. */
    static double saturation(NeuronSpec target) {
        return switch (target) {
            case CountingNeuronSpec c -> (double) c.maxCount() / c.n();
            case LifSpec lif -> lif.threshold();
        };
    }

    /** Emitted value per unit of input below saturation (a LIF spike of value 1 stands for one threshold). */
    static double gain(NeuronSpec target) {
        return switch (target) {
            case CountingNeuronSpec c -> 1;
            case LifSpec lif -> 1 / lif.threshold();
        };
    }

    /** Fails unless {@code ann} is a training model file of a ReLU network. */
    public static void requireAnn(ModelFile ann) {
        if (!"training".equals(ann.kind())) {
            throw new IllegalArgumentException("conversion needs the training model file of a ReLU ANN, "
                    + "got kind '" + ann.kind() + "'");
        }
        if (!(ann.spec().activation() instanceof Relu)) {
            throw new IllegalArgumentException("not an ANN: the model's activation is "
                    + ann.spec().activation().describe() + "; convert a ReLU twin instead");
        }
    }

    private static Map<String, String> provenance(ModelFile ann, NeuronSpec target, String how) {
        Map<String, String> p = new LinkedHashMap<>(ann.provenance());
        p.put("converted_from", "ReLU ANN");
        p.put("conversion", target.describe() + "; " + how);
        return p;
    }

    private static void multiply(Map<String, Tensor> tensors, String name, double factor) {
        Tensor t = tensors.get(name);
        if (t == null || factor == 1) {
            return;
        }
        float[] v = t.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] * factor);
        }
        tensors.put(name, Tensor.of(v, t.shape()));
    }
}
