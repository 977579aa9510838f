package org.ibrasnn.core.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.model.Layer;

/**
 * The membrane-side value streams of a network. Every conv/linear (with the BatchNorm after it) writes a
 * stream and reads the spikes of the neuron before it; a residual block whose shortcut is the identity
 * writes its body into the stream it reads, so every neuron on one chain of identity shortcuts reads the
 * same stream and must share one scale.
 */
final class Streams {

    /** A weight layer: the stream of the neuron whose spikes it reads ({@code -1}: the image) and the stream it writes. */
    record Producer(String weights, String batchNorm, int reads, int writes) {}

    private final List<Producer> producers = new ArrayList<>();
    private final Map<String, Integer> neurons = new LinkedHashMap<>();
    private final List<Integer> parent = new ArrayList<>();

    private Streams() {}

    static Streams of(List<Layer> layers) {
        Streams s = new Streams();
        s.walk(layers, -1, -1);
        return s;
    }

    /** The weight layers in spec order, with stream ids resolved to their shared representative. */
    List<Producer> producers() {
        return producers.stream().map(p -> new Producer(p.weights(), p.batchNorm(),
                p.reads() < 0 ? -1 : find(p.reads()), find(p.writes()))).toList();
    }

    /** Neuron layer name to the (representative) stream it reads, in spec order. */
    Map<String, Integer> neurons() {
        Map<String, Integer> out = new LinkedHashMap<>();
        neurons.forEach((name, stream) -> out.put(name, find(stream)));
        return out;
    }

    /** Walks a layer list whose input is stream {@code current}, fed by spikes of stream {@code spikes}; returns the output stream. */
    private int walk(List<Layer> layers, int current, int spikes) {
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            switch (layer) {
                case Layer.Conv c -> {
                    String bn = i + 1 < layers.size() && layers.get(i + 1) instanceof Layer.BatchNorm b ? b.name() : null;
                    current = produce(c.name(), bn, spikes);
                }
                case Layer.Linear l -> current = produce(l.name(), null, spikes);
                case Layer.Neuron n -> spikes = read(n.name(), current);
                case Layer.Residual r -> {
                    int entry = read(r.entry().name(), current);
                    int body = walk(r.body(), current, entry);
                    union(body, r.projection().isEmpty() ? current : walk(r.projection(), current, entry));
                    current = find(body);
                }
                case Layer.BatchNorm b -> { }
                case Layer.MaxPool p -> { }
                case Layer.GlobalAvgPool g -> { }
                case Layer.Flatten f -> { }
            }
        }
        return current;
    }

    private int produce(String weights, String batchNorm, int reads) {
        int stream = parent.size();
        parent.add(stream);
        producers.add(new Producer(weights, batchNorm, reads, stream));
        return stream;
    }

    private int read(String neuron, int stream) {
        neurons.put(neuron, stream);
        return stream;
    }

    private int find(int s) {
        while (parent.get(s) != s) {
            s = parent.get(s);
        }
        return s;
    }

    private void union(int a, int b) {
        parent.set(find(a), find(b));
    }
}
