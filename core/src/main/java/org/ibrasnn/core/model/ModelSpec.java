package org.ibrasnn.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.task.Head;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.core.task.Tasks;

/**
 * A whole architecture as data: input shape, number of classes, the activation every
 * {@link Layer.Neuron} uses, the layer list, and how the input meets time: with {@code inputFrames = 1} the
 * same image is presented at every one of the activation's T timesteps; with {@code inputFrames = F > 1}
 * the input's channels hold F frames (event-camera data), frame t is presented at timestep t, and the
 * network runs F timesteps (a spiking activation must have T = F; a ReLU twin runs the frames one by one). The trainer, the exporter and the spike-driven runtime
 * are all driven by this one value. Construction checks shapes, unique names and the spike-driven rule:
 * only the first conv/linear sees the image, every later one consumes neuron outputs, max-pooling sits
 * on membrane-side values, and the network ends in what its {@link Task} needs ({@code classes} is the
 * output width the task checks).
 */
public record ModelSpec(String arch, Shape input, int classes, Activation activation, List<Layer> layers,
                        int inputFrames, Task task) {

    /** A spec whose input image is presented at every timestep, for the default task. */
    public ModelSpec(String arch, Shape input, int classes, Activation activation, List<Layer> layers) {
        this(arch, input, classes, activation, layers, 1);
    }

    /** A spec for the default task. */
    public ModelSpec(String arch, Shape input, int classes, Activation activation, List<Layer> layers,
                     int inputFrames) {
        this(arch, input, classes, activation, layers, inputFrames, Tasks.DEFAULT);
    }

    public ModelSpec {
        if (arch == null || arch.isBlank()) {
            throw new IllegalArgumentException("model spec needs an architecture name");
        }
        if (input == null || activation == null || layers == null || task == null) {
            throw new IllegalArgumentException("model spec " + arch + ": input, activation, layers and task are "
                    + "required");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("model spec " + arch + ": needs >= 2 classes, got " + classes);
        }
        layers = List.copyOf(layers);
        if (inputFrames < 1 || input.channels() % inputFrames != 0) {
            throw new IllegalArgumentException("model spec " + arch + ": " + inputFrames + " input frames do not divide "
                    + "the input " + input);
        }
        if (inputFrames > 1 && activation instanceof NeuronSpec n && n.timesteps() != inputFrames) {
            throw new IllegalArgumentException("model spec " + arch + ": the input holds " + inputFrames
                    + " frames, so the neuron needs T=" + inputFrames + ", got T=" + n.timesteps());
        }
        Head head = new Checker(arch).run(stepShape(input, inputFrames), layers, classes);
        task.headProblem(head).ifPresent(problem -> {
            throw new IllegalArgumentException("model spec " + arch + ": " + problem);
        });
    }

    /** The same architecture with another activation (e.g. the ANN twin of an SNN). */
    public ModelSpec withActivation(Activation other) {
        return new ModelSpec(arch, input, classes, other, layers, inputFrames, task);
    }

    /** The same layers fed {@code frames} frames of the current input shape, stacked along the channels. */
    public ModelSpec withInputFrames(int frames) {
        Shape step = stepInput();
        return new ModelSpec(arch, new Shape(step.channels() * frames, step.height(), step.width()), classes,
                activation, layers, frames, task);
    }

    /** The same input, activation and frames with other layers (e.g. after folding BatchNorm). */
    public ModelSpec withLayers(List<Layer> other) {
        return new ModelSpec(arch, input, classes, activation, other, inputFrames, task);
    }

    /** What the first layer sees at one timestep. */
    public Shape stepInput() {
        return stepShape(input, inputFrames);
    }

    /** Timesteps the network runs: the input frames, or the activation's T for a still image. */
    public int steps() {
        return inputFrames > 1 ? inputFrames : activation.timesteps();
    }

    private static Shape stepShape(Shape input, int frames) {
        return frames == 1 ? input : new Shape(input.channels() / frames, input.height(), input.width());
    }

    /** What kind of values flow at a point of the network. */
    private enum Flow { IMAGE, REAL, SPIKES }

    /** Walks the layers once, inferring shapes and enforcing the rules; messages name the layer. */
    private static final class Checker {
        private final String arch;
        private final Set<String> names = new HashSet<>();
        private Flow flow = Flow.IMAGE;
        private boolean sawWeights;

        Checker(String arch) {
            this.arch = arch;
        }

        Head run(Shape in, List<Layer> layers, int declared) {
            Shape s = in;
            for (Layer layer : layers) {
                s = step(s, layer);
            }
            return new Head(s, flow == Flow.REAL, flow.name(), declared);
        }

        private Shape step(Shape s, Layer layer) {
            return switch (layer) {
                case Layer.Conv c -> {
                    unique(c.name());
                    weightsConsume(c.name());
                    if (s.channels() != c.inChannels()) {
                        throw fail("conv " + c.name() + " expects " + c.inChannels() + " input channels, gets " + s);
                    }
                    flow = Flow.REAL;
                    yield fits(() -> c.outputShape(s));
                }
                case Layer.Linear l -> {
                    unique(l.name());
                    weightsConsume(l.name());
                    if (!s.isFlat() || s.channels() != l.inFeatures()) {
                        throw fail("linear " + l.name() + " expects a flat " + l.inFeatures() + " input, gets " + s);
                    }
                    flow = Flow.REAL;
                    yield Shape.flat(l.outFeatures());
                }
                case Layer.BatchNorm b -> {
                    unique(b.name());
                    if (flow != Flow.REAL || s.channels() != b.channels()) {
                        throw fail("batchnorm " + b.name() + " needs " + b.channels() + " real channels, gets "
                                + flow + " " + s);
                    }
                    yield s;
                }
                case Layer.Neuron n -> neuron(s, n);
                case Layer.MaxPool p -> {
                    if (flow != Flow.REAL) {
                        throw fail("max-pooling must sit on membrane-side values before a neuron, not on " + flow);
                    }
                    yield fits(() -> p.outputShape(s));
                }
                case Layer.GlobalAvgPool g -> Shape.flat(s.channels());
                case Layer.Flatten f -> Shape.flat(s.size());
                case Layer.Residual r -> residual(s, r);
            };
        }

        private Shape neuron(Shape s, Layer.Neuron n) {
            unique(n.name());
            if (flow != Flow.REAL) {
                throw fail("neuron " + n.name() + " must follow a conv/linear/batchnorm, not " + flow);
            }
            flow = Flow.SPIKES;
            return s;
        }

        private Shape residual(Shape s, Layer.Residual r) {
            unique(r.name());
            if (flow != Flow.REAL) {
                throw fail("residual " + r.name() + " needs membrane-side input, gets " + flow);
            }
            Shape spikes = neuron(s, r.entry());
            Shape body = spikes;
            for (Layer l : r.body()) {
                body = step(body, l);
            }
            if (flow != Flow.REAL) {
                throw fail("residual " + r.name() + ": body must end in real values");
            }
            Shape shortcut = s;
            if (!r.projection().isEmpty()) {
                flow = Flow.SPIKES;
                shortcut = spikes;
                for (Layer l : r.projection()) {
                    shortcut = step(shortcut, l);
                }
                if (flow != Flow.REAL) {
                    throw fail("residual " + r.name() + ": projection must end in real values");
                }
            }
            if (!body.equals(shortcut)) {
                throw fail("residual " + r.name() + ": body gives " + body + " but shortcut gives " + shortcut);
            }
            flow = Flow.REAL;
            return body;
        }

        private void weightsConsume(String name) {
            if (sawWeights && flow != Flow.SPIKES) {
                throw fail(name + " must consume neuron outputs (spike-driven), but gets " + flow);
            }
            if (!sawWeights && flow != Flow.IMAGE) {
                throw fail(name + ": the first layer must see the image");
            }
            sawWeights = true;
        }

        private void unique(String name) {
            if (!names.add(name)) {
                throw fail("duplicate layer name '" + name + "'");
            }
        }

        /** A window layer's output shape, with the spec's name on a misfit. */
        private Shape fits(java.util.function.Supplier<Shape> shape) {
            try {
                return shape.get();
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
        }

        private IllegalArgumentException fail(String message) {
            return new IllegalArgumentException("model spec " + arch + ": " + message);
        }
    }
}
