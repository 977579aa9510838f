package org.ibrasnn.experiments.ablation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.CountingNeuronSpec;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.task.Detection;
import org.ibrasnn.core.task.Task;
import org.ibrasnn.core.task.Tasks;
import org.ibrasnn.experiments.conversion.Calibration;

/**
 * The paper's ablations as lists of models that share architecture, recipe and seed; Table 6 adds the ReLU ANN
 * converted to IBRA-LIF, so that training and conversion stand side by side.
 */
public enum Ablation {

    /** Table 4: ReLU ANN, LIF (T = 4), I-LIF (1 x 4), IBRA-LIF (1 x 1.5, N = 10) and IBRA-LIF (1 x 5.11, N = 100). */
    TABLE4("Table 4: neuron settings at equal architecture, recipe and seed", Defaults.CLASSIFY),
    /** Table 1: D x N = 2^B - 1 for N = 10, 100, 1000, plus unclipped D for N = 100 and 1000 (T = 1). */
    TABLE1("Table 1: clipping level D and range-alignment factor N (T = 1)", Defaults.CLASSIFY),
    /** Figure 3: IB-LIF with D = 15 (no range alignment) against IBRA-LIF with D = 1.5, N = 10 (same 4 bits). */
    FIGURE3("Figure 3: emitted integer values without and with range alignment", Defaults.CLASSIFY),
    /**
     * Table 6: the detector with ReLU, I-LIF (1 x 4) and IBRA-LIF (1 x 5.11, N = 100), then the ReLU ANN converted
     * to the same IBRA-LIF with {@link #CONVERSION}.
     */
    TABLE6("Table 6: object detection, SpikeYOLO-style detector", new Defaults(Detection.NAME, Architectures.DETECTOR,
            "detect", "coco", 1, 2000, 500));

    /**
     * The count range standing in for an unclipped D: D x N = 2^24 - 1, far above any value a trained
     * network reaches, so no count is ever clipped; bit-planes above the highest 1 cost nothing.
     */
    public static final int UNCLIPPED_COUNTS = (1 << 24) - 1;

    /**
     * How Table 6 converts its ReLU ANN: the 99.99th percentile of each stream's activations on the first 2000
     * training images (fewer if the run has fewer) mapped to D, as {@code ibra convert --calibrate 2000} does.
     */
    public static final Calibration CONVERSION = new Calibration(2000, 99.99);

    private final String title;
    private final Defaults defaults;

    Ablation(String title, Defaults defaults) {
        this.title = title;
        this.defaults = defaults;
    }

    /**
     * One model of an ablation: its label in the tables, its activation, and how it is made: trained with the
     * ablation's recipe ({@code conversion} null), or converted from the ablation's ReLU ANN with that calibration.
     */
    public record Entry(String label, Activation activation, Calibration conversion) {

        public Entry {
            if (conversion != null && !(activation instanceof NeuronSpec)) {
                throw new IllegalArgumentException("a conversion needs a spiking neuron, not " + activation.describe());
            }
        }

        /** A model trained with the ablation's recipe. */
        public Entry(String label, Activation activation) {
            this(label, activation, null);
        }

        /** Its directory name: the setting's {@link #slug(Activation) slug}, marked when converted. */
        public String directory() {
            return slug(activation) + (conversion == null ? "" : "-converted");
        }
    }

    /**
     * What an ablation runs on unless told otherwise: its task (architecture and data must serve it), architecture,
     * recipe and dataset, and its quick form (epochs, first training and test images).
     */
    public record Defaults(String task, String arch, String recipe, String dataset, int quickEpochs, int quickTrain,
                           int quickTest) {
        /** The classification ablations': resnet-tiny on Fashion-MNIST, 2 epochs on 30000 images in the quick form. */
        static final Defaults CLASSIFY = new Defaults(Tasks.DEFAULT.name(), "resnet-tiny", "quick", "fashion-mnist", 2,
                30000, 2000);
    }

    /** The ablation of a name, ignoring case, or an IllegalArgumentException listing the choices. */
    public static Ablation parse(String name) {
        for (Ablation a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        List<String> names = Arrays.stream(values()).map(Ablation::fileName).toList();
        throw new IllegalArgumentException("unknown ablation '" + name + "'; choose "
                + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast());
    }

    /** The title of its table or figure. */
    public String title() {
        return title;
    }

    /** Its name in lower case, as its files and the command line spell it. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What it runs on unless told otherwise. */
    public Defaults defaults() {
        return defaults;
    }

    /** The task its architecture and data must serve. */
    public Task task() {
        return Tasks.named(defaults.task());
    }

    /** The models it compares, in table order. */
    public List<Entry> entries() {
        return switch (this) {
            case TABLE4 -> List.of(new Entry("ReLU ANN", new Relu()), new Entry("LIF", LifSpec.of(4)),
                    new Entry("I-LIF", new ILifSpec(4, 0.25, 1)),
                    new Entry("IBRA-LIF (N=10)", new IbraLifSpec(1.5, 10, 0.25, 1)),
                    new Entry("IBRA-LIF (N=100)", IbraLifSpec.paperDefault(1)));
            case TABLE1 -> table1();
            case FIGURE3 -> List.of(new Entry("IB-LIF (D=15, no range alignment)", new IbLifSpec(4, 0.25, 1)),
                    new Entry("IBRA-LIF (D=1.5, N=10)", new IbraLifSpec(1.5, 10, 0.25, 1)));
            case TABLE6 -> List.of(new Entry("ReLU ANN", new Relu()), new Entry("I-LIF", new ILifSpec(4, 0.25, 1)),
                    new Entry("IBRA-LIF (N=100)", IbraLifSpec.paperDefault(1)),
                    new Entry("IBRA-LIF (N=100), converted", IbraLifSpec.paperDefault(1), CONVERSION));
        };
    }

    private static List<Entry> table1() {
        List<Entry> out = new ArrayList<>();
        int[][] bitsByN = {{10, 4, 5, 6}, {100, 7, 8, 9}, {1000, 10, 11, 12, 13}};
        for (int[] row : bitsByN) {
            int n = row[0];
            for (int i = 1; i < row.length; i++) {
                out.add(entry(n, (1 << row[i]) - 1));
            }
            if (n > 10) {
                out.add(entry(n, UNCLIPPED_COUNTS));
            }
        }
        return out;
    }

    private static Entry entry(int n, int counts) {
        double d = BigDecimal.valueOf(counts).divide(BigDecimal.valueOf(n)).doubleValue();
        IbraLifSpec spec = new IbraLifSpec(d, n, 0.25, 1);
        return new Entry("IBRA-LIF D=" + dText(spec) + " N=" + n, spec);
    }

    /** D as the tables print it: the number, or the infinity sign for the unclipped stand-in. */
    public static String dText(CountingNeuronSpec spec) {
        return spec.maxCount() == UNCLIPPED_COUNTS ? "\u221e" : BigDecimal.valueOf(spec.d()).stripTrailingZeros().toPlainString();
    }

    /** The paper's "T x D" notation: timesteps times the largest value per step. */
    public static String timesByD(Activation a) {
        return switch (a) {
            case Relu r -> "-";
            case LifSpec l -> l.timesteps() + " x 1";
            case CountingNeuronSpec c -> c.timesteps() + " x " + dText(c);
        };
    }

    /** A directory name for a model: the same setting always gets the same name, so ablations can share runs. */
    public static String slug(Activation a) {
        String base = switch (a) {
            case Relu r -> "ann";
            case LifSpec l -> "lif-th" + l.threshold() + "-" + l.reset().name().toLowerCase();
            case ILifSpec i -> "ilif-d" + i.maxValue();
            case IbLifSpec b -> "iblif-b" + b.bits();
            case IbraLifSpec r -> "ibra-dn" + r.maxCount() + "-n" + r.n();
        };
        return a instanceof NeuronSpec n ? base + "-t" + n.timesteps() + (n.timesteps() > 1 ? "-alpha" + n.alpha() : "")
                : base;
    }
}
