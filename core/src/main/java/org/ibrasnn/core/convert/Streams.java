package org.ibrasnn.core.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.WeightedOp;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Neuron;

/**
 * The membrane-side value streams of a network. Every weighted node (with the BatchNorm reading it) writes
 * a stream and reads the spikes of the neurons before it; a neuron reads the stream of its input; a node
 * with several inputs (an addition, a concatenation) merges their streams, so every neuron on one chain of
 * identity shortcuts reads the same stream and must share one scale; other nodes pass their input's stream.
 */
final class Streams {

    /** A weighted node: the stream of the neurons whose spikes it reads ({@code -1}: the image) and the stream it writes. */
    record Producer(String weights, String batchNorm, int reads, int writes) {}

    private final List<Producer> producers = new ArrayList<>();
    private final Map<String, Integer> neurons = new LinkedHashMap<>();
    private final List<Integer> parent = new ArrayList<>();

    private Streams() {}

    static Streams of(Graph graph) {
        Streams s = new Streams();
        Map<String, Integer> stream = new HashMap<>();
        stream.put(Graph.INPUT, -1);
        for (Node n : graph.nodes()) {
            int in = stream.get(n.input());
            if (n.op() instanceof WeightedOp) {
                List<Node> next = graph.consumers(n.name());
                String bn = next.size() == 1 && next.get(0).op() instanceof BatchNorm ? next.get(0).name() : null;
                int written = s.parent.size();
                s.parent.add(written);
                s.producers.add(new Producer(n.name(), bn, in, written));
                stream.put(n.name(), written);
            } else {
                if (n.op() instanceof Neuron) {
                    s.neurons.put(n.name(), in);
                }
                for (String other : n.inputs().subList(1, n.inputs().size())) {
                    s.union(stream.get(other), in);
                }
                stream.put(n.name(), in);
            }
        }
        return s;
    }

    /** The weighted nodes in graph order, with stream ids resolved to their shared representative. */
    List<Producer> producers() {
        return producers.stream().map(p -> new Producer(p.weights(), p.batchNorm(),
                p.reads() < 0 ? -1 : find(p.reads()), find(p.writes()))).toList();
    }

    /** Neuron node name to the (representative) stream it reads, in graph order. */
    Map<String, Integer> neurons() {
        Map<String, Integer> out = new LinkedHashMap<>();
        neurons.forEach((name, stream) -> out.put(name, find(stream)));
        return out;
    }

    private int find(int s) {
        while (parent.get(s) != s) {
            s = parent.get(s);
        }
        return s;
    }

    private void union(int a, int b) {
        if (a >= 0 && b >= 0) {
            parent.set(find(a), find(b));
        }
    }
}
