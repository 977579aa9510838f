package org.ibrasnn.core.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.task.Head;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.core.task.Tasks;

/**
 * A whole architecture as data: input shape, output width ({@code classes}), the network's default
 * activation (each {@link Neuron} node uses it unless it sets its own), the {@link Graph}, and how the input
 * meets time: with {@code inputFrames = 1} the same image is presented at every one of the activation's T
 * timesteps; with {@code inputFrames = F > 1} the input's channels hold F frames (event-camera data), frame t
 * is presented at timestep t, and the network runs F timesteps (every spiking neuron must have T = F; a ReLU
 * twin runs the frames one by one). The trainer, the exporter and the spike-driven runtime are all driven by
 * this one value. Construction checks shapes, names and the spike-driven rules on the graph (only the first
 * conv/linear sees the image, every later one consumes neuron outputs, max-pooling and additions sit on
 * membrane-side values), that all neurons share one T, and that the outputs are what the {@link Task} needs.
 */
public record ModelSpec(String arch, Shape input, int classes, Activation activation, Graph graph,
                        int inputFrames, Task task) {

    /** A spec whose input image is presented at every timestep, for the default task. */
    public ModelSpec(String arch, Shape input, int classes, Activation activation, Graph graph) {
        this(arch, input, classes, activation, graph, 1, Tasks.DEFAULT);
    }

    public ModelSpec {
        if (arch == null || arch.isBlank()) {
            throw new IllegalArgumentException("model spec needs an architecture name");
        }
        if (input == null || activation == null || graph == null || task == null) {
            throw new IllegalArgumentException("model spec " + arch + ": input, activation, graph and task are "
                    + "required");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("model spec " + arch + ": needs >= 2 classes, got " + classes);
        }
        if (inputFrames > NeuronSpec.MAX_TIMESTEPS) {
            throw new IllegalArgumentException("model spec " + arch + ": " + inputFrames + " input frames, more than "
                    + "the " + NeuronSpec.MAX_TIMESTEPS + " timesteps a network may run");
        }
        if (inputFrames < 1 || input.channels() % inputFrames != 0) {
            throw new IllegalArgumentException("model spec " + arch + ": " + inputFrames + " input frames do not divide "
                    + "the input " + input);
        }
        for (Node n : graph.nodes()) {
            if (n.op() instanceof Neuron neuron && neuron.activation(activation).timesteps() != activation.timesteps()
                    && neuron.activation(activation) instanceof NeuronSpec) {
                throw new IllegalArgumentException("model spec " + arch + ": neuron " + n.name() + " runs T="
                        + neuron.activation(activation).timesteps() + " but the network runs T="
                        + activation.timesteps());
            }
        }
        if (inputFrames > 1) {
            for (Activation a : activations(graph, activation)) {
                if (a instanceof NeuronSpec n && n.timesteps() != inputFrames) {
                    throw new IllegalArgumentException("model spec " + arch + ": the input holds " + inputFrames
                            + " frames, so the neuron needs T=" + inputFrames + ", got T=" + n.timesteps());
                }
            }
        }
        Graph.Analysis analysis;
        try {
            analysis = graph.analyse(stepShape(input, inputFrames));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model spec " + arch + ": " + e.getMessage(), e);
        }
        task.headProblem(heads(graph, analysis, classes)).ifPresent(problem -> {
            throw new IllegalArgumentException("model spec " + arch + ": " + problem);
        });
    }

    /**
     * The same architecture with another activation for every neuron (e.g. the ANN twin of an SNN): the
     * default becomes {@code other} and neuron nodes drop their own settings.
     */
    public ModelSpec withActivation(Activation other) {
        Graph plain = graph.map(n -> n.op() instanceof Neuron ? new Node(n.name(), new Neuron(), n.inputs()) : n);
        return new ModelSpec(arch, input, classes, other, plain, inputFrames, task);
    }

    /** The same graph fed {@code frames} frames of the current input shape, stacked along the channels. */
    public ModelSpec withInputFrames(int frames) {
        Shape step = stepInput();
        return new ModelSpec(arch, new Shape(step.channels() * frames, step.height(), step.width()), classes,
                activation, graph, frames, task);
    }

    /** The same input, activation and frames with another graph (e.g. after folding BatchNorm). */
    public ModelSpec withGraph(Graph other) {
        return new ModelSpec(arch, input, classes, activation, other, inputFrames, task);
    }

    /** The same network for another task. */
    public ModelSpec withTask(Task other) {
        return new ModelSpec(arch, input, classes, activation, graph, inputFrames, other);
    }

    /** Fails, naming both shapes, unless images of {@code shape} are what the network reads. */
    public void requireInput(Shape shape) {
        if (!shape.equals(input)) {
            throw new IllegalArgumentException("images of " + shape + " given but the model expects " + input);
        }
    }

    /**
     * Bytes of float32 activations of one image at one timestep: its input and every node's output. Every
     * engine holds at least this much per image (DJL keeps it for each of the {@link #steps()}).
     */
    public long activationBytes() {
        long values = 0;
        for (Shape s : analysis().shapes().values()) {
            values += s.size();
        }
        return values * Float.BYTES;
    }

    /** What the graph's input sees at one timestep. */
    public Shape stepInput() {
        return stepShape(input, inputFrames);
    }

    /** Timesteps the network runs: the input frames, or the activation's T for a still image. */
    public int steps() {
        return inputFrames > 1 ? inputFrames : activation.timesteps();
    }

    /** Shapes and flows of every node at one timestep. */
    public Graph.Analysis analysis() {
        return graph.analyse(stepInput());
    }

    /** The activation of a neuron node. */
    public Activation activationOf(Node neuron) {
        return ((Neuron) neuron.op()).activation(activation);
    }

    /** What the network ends in, one {@link Head} per graph output in the graph's order. */
    public List<Head> heads() {
        return heads(graph, analysis(), classes);
    }

    private static List<Head> heads(Graph graph, Graph.Analysis analysis, int classes) {
        Shape input = analysis.shapes().get(Graph.INPUT);
        return graph.outputs().stream().map(o -> new Head(analysis.shapes().get(o),
                analysis.flows().get(o) == Flow.REAL, analysis.flows().get(o).name(), classes, input)).toList();
    }

    /** The distinct activations the network's neurons use, the default first. */
    public Set<Activation> activations() {
        return activations(graph, activation);
    }

    private static Set<Activation> activations(Graph graph, Activation network) {
        Set<Activation> out = new LinkedHashSet<>();
        out.add(network);
        for (Node n : graph.nodes()) {
            if (n.op() instanceof Neuron neuron) {
                out.add(neuron.activation(network));
            }
        }
        return out;
    }

    private static Shape stepShape(Shape input, int frames) {
        return frames == 1 ? input : new Shape(input.channels() / frames, input.height(), input.width());
    }
}
