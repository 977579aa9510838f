package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ibrasnn.core.energy.DenseOperations;
import org.ibrasnn.core.energy.EnergyModel;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.runtime.LayerReport;
import org.ibrasnn.runtime.RunReport;
import org.ibrasnn.experiments.SpikeRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra energy}: per-layer operation counts and energy of an ANN, or exact counts of an SNN. */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = "Energy per image: for an ANN from the architecture alone (--ann), or for a trained SNN "
                + "from the operations the spike-driven runtime actually executed (--model), beside its ANN twin.")
final class EnergyCommand implements Callable<Integer> {

    /** How the literature's estimate differs from the exact count. */
    static final String ESTIMATE_NOTE = "The estimate multiplies each layer's dense MACs by the mean input count "
            + "per neuron and timestep, so an integer value 7 costs 7 accumulates and every synapse has the average "
            + "fan-out. The exact count runs the spikes: a value travels as bit-planes (7 = 0b111 costs 3 "
            + "accumulates), unary slots (7 costs 7) or single spikes, and each 1 costs the synapses it really "
            + "reaches (fewer at padded borders; after global pooling every spike still costs a full row).";

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOptions data = new DatasetOptions();

    @Option(names = "--arch", description = "Architecture (with --ann).")
    private String arch;

    @Option(names = "--input", description = "Input shape CxHxW (with --ann), e.g. 3x32x32.")
    private String input;

    @Option(names = "--classes", defaultValue = "10", description = "Classes (with --ann; default ${DEFAULT-VALUE}).")
    private int classes;

    @Option(names = "--ann", description = "Count the ReLU ANN of --arch at --input.")
    private boolean ann;

    @Option(names = "--model", description = "A trained (or exported) SNN model file; counts come from running it.")
    private Path model;

    @Option(names = "--limit", defaultValue = "1000", description = "Test images to run with --model (default ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--preset", defaultValue = "fp32", description = "fp32 (4.6/0.9 pJ), fp16 or int8 (default ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--mac-pj", description = "Custom energy per MAC in pJ (overrides the preset).")
    private Double macPj;

    @Option(names = "--ac-pj", description = "Custom energy per AC in pJ (overrides the preset).")
    private Double acPj;

    @Option(names = "--json", description = "Write the per-layer counts and energies to this file.")
    private Path json;

    @Override
    public Integer call() throws IOException {
        if (ann == (model != null)) {
            throw new IllegalArgumentException("give exactly one of --ann (with --arch and --input) or --model FILE");
        }
        EnergyModel base = EnergyModel.preset(preset);
        EnergyModel energy = macPj == null && acPj == null ? base : new EnergyModel("custom",
                macPj != null ? macPj : base.macPicojoules(), acPj != null ? acPj : base.acPicojoules());
        Map<String, Object> result = ann ? annEnergy(energy) : snnEnergy(energy);
        if (json != null) {
            AtomicFiles.writeString(json, Json.pretty(result));
        }
        return 0;
    }

    private Map<String, Object> annEnergy(EnergyModel energy) {
        if (arch == null || input == null) {
            throw new IllegalArgumentException("--ann needs --arch and --input (e.g. --arch resnet18-cifar --input 3x32x32)");
        }
        ModelSpec spec = Architectures.build(arch, Shape.parse(input), classes, new Relu());
        List<DenseOperations.LayerMacs> layers = DenseOperations.of(spec);
        PrintWriter out = this.spec.commandLine().getOut();
        out.printf("%s ANN at %s, %s (E_MAC %.2f pJ): conv/linear MACs; BN folded, pooling and additions not counted%n",
                arch, input, energy.name(), energy.macPicojoules());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DenseOperations.LayerMacs l : layers) {
            double mj = energy.millijoules(l.macs(), 0);
            out.printf("  %-24s %-7s %14d MACs %10.5f mJ%n", l.name(), l.kind(), l.macs(), mj);
            rows.add(row(l.name(), l.kind(), l.macs(), 0, mj));
        }
        long total = DenseOperations.total(layers);
        double mj = energy.millijoules(total, 0);
        out.printf("total %d MACs = %.4f mJ per image%n", total, mj);
        Map<String, Object> result = header(spec, energy, "ann");
        result.put("layers", rows);
        result.put("total_macs", total);
        result.put("energy_mj", mj);
        return result;
    }

    private Map<String, Object> snnEnergy(EnergyModel energy) throws IOException {
        ModelFile file = ModelFile.read(model);
        RunReport report = SpikeRun.spikeDriven(file, data.load(file.spec().inputFrames()).test(), limit,
                new ConsoleProgress(this.spec.commandLine().getOut())).report();
        PrintWriter out = this.spec.commandLine().getOut();
        double images = report.images();
        out.printf("%s, %s on %d test images (accuracy %.2f%%), %s: exact counts per image%n",
                file.spec().arch(), file.spec().activation().describe(), report.images(), 100 * report.accuracy(),
                energy.name());
        List<Map<String, Object>> rows = new ArrayList<>();
        out.printf("  %-24s %-7s %12s %14s %10s %16s %10s%n", "layer", "kind", "MACs", "SOPs (exact)", "mJ",
                "SOPs (estimate)", "mJ");
        for (LayerReport l : report.layers()) {
            if (l.kind().equals("neuron")) {
                continue;
            }
            double mj = energy.millijoules(l.macs() / images, l.sops() / images);
            double estimateMj = energy.millijoules(l.macs() / images, l.literatureSops() / images);
            out.printf("  %-24s %-7s %12.0f %14.0f %10.5f %16.0f %10.5f%n", l.name(), l.kind(), l.macs() / images,
                    l.sops() / images, mj, l.literatureSops() / images, estimateMj);
            Map<String, Object> row = row(l.name(), l.kind(), l.macs() / images, l.sops() / images, mj);
            row.put("literature_sops", l.literatureSops() / images);
            row.put("literature_energy_mj", estimateMj);
            rows.add(row);
        }
        double snn = energy.millijoules(report.macsPerImage(), report.sopsPerImage());
        double estimate = energy.millijoules(report.macsPerImage(), report.literatureSopsPerImage());
        long annMacs = DenseOperations.perImage(file.spec().withActivation(new Relu()));
        double annMj = energy.millijoules(annMacs, 0);
        out.printf("SNN: %.0f MACs + %.0f SOPs = %.5f mJ per image; ANN twin: %d MACs = %.5f mJ; "
                + "efficiency ANN/SNN %.2fx%n", report.macsPerImage(), report.sopsPerImage(), snn,
                annMacs, annMj, annMj / snn);
        out.printf("literature estimate (firing rate x T x FLOPs): %.0f SOPs = %.5f mJ (%.2fx the exact count)%n",
                report.literatureSopsPerImage(), estimate, estimate / snn);
        out.println(ESTIMATE_NOTE);
        Map<String, Object> result = header(file.spec(), energy, "snn");
        result.put("images", report.images());
        result.put("accuracy", report.accuracy());
        result.put("layers", rows);
        result.put("macs_per_image", report.macsPerImage());
        result.put("sops_per_image", report.sopsPerImage());
        result.put("energy_mj", snn);
        result.put("ann_twin_macs", annMacs);
        result.put("ann_twin_energy_mj", annMj);
        result.put("efficiency_vs_ann", annMj / snn);
        result.put("literature_sops_per_image", report.literatureSopsPerImage());
        result.put("literature_energy_mj", estimate);
        result.put("literature_note", ESTIMATE_NOTE);
        return result;
    }

    private static Map<String, Object> header(ModelSpec spec, EnergyModel energy, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arch", spec.arch());
        m.put("input", spec.input().toString());
        m.put("network", kind);
        m.put("neuron", spec.activation().describe());
        m.put("energy_model", Map.of("name", energy.name(), "mac_pj", energy.macPicojoules(), "ac_pj",
                energy.acPicojoules()));
        return m;
    }

    private static Map<String, Object> row(String name, String kind, double macs, double sops, double mj) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind);
        m.put("macs", macs);
        m.put("sops", sops);
        m.put("energy_mj", mj);
        return m;
    }
}
