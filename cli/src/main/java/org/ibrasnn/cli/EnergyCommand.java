package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ibrasnn.core.energy.EnergyModel;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.experiments.report.Json;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.experiments.energy.AnnEnergyReport;
import org.ibrasnn.experiments.energy.SnnEnergyReport;
import org.ibrasnn.experiments.record.InferenceRecord;
import org.ibrasnn.experiments.record.RunInput;
import org.ibrasnn.runtime.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra energy}: per-layer operation counts and energy of an ANN, or exact counts of an SNN. */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = "Energy per image: for an ANN from the architecture alone (--ann), or for a trained SNN "
                + "from the operations the spike-driven runtime actually executed (--model), beside its ANN twin. "
                + "With --model the counts come from an inference record (ibra infer --json) when one matches: "
                + "--record FILE, else infer.json beside the model; otherwise the model runs.")
final class EnergyCommand implements Callable<Integer> {

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

    @Option(names = "--model", description = "A trained (or exported) SNN model file; counts come from running it, "
            + "or from its inference record.")
    private Path model;

    @Option(names = "--limit", description = "Test images to run with --model (0: all; default: those of a matching "
            + "record, else " + RunInput.DEFAULT_LIMIT + ").")
    private Integer limit;

    @Option(names = "--record", description = "Inference record of --model to take the counts from instead of running "
            + "it; refused unless computed from the same model file content, data and --limit (when given). "
            + "Default: infer.json beside the model, used when it matches and otherwise ignored with a note.")
    private Path record;

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
        if (ann && (record != null || limit != null)) {
            throw new IllegalArgumentException("--record and --limit go with --model");
        }
        OptionChecks.atLeast("--limit", limit, 0);
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
        AnnEnergyReport report;
        try {
            report = AnnEnergyReport.ofArchitecture(arch, Shape.parse(input), classes, energy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--arch " + arch + " --input " + input + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s ANN at %s, %s (E_MAC %.2f pJ): conv/linear MACs; BN folded, pooling and additions not counted%n",
                arch, input, energy.name(), energy.macPicojoules());
        for (AnnEnergyReport.Layer l : report.layers()) {
            out.printf("  %-24s %-7s %14d MACs %10.5f mJ%n", l.name(), l.kind(), l.macs(), l.energyMj());
        }
        out.printf("total %d MACs = %.4f mJ per image; %d parameters (%.2f M)%n", report.totalMacs(), report.energyMj(),
                report.parameters(), report.parameters() / 1e6);
        return report.json();
    }

    private Map<String, Object> snnEnergy(EnergyModel energy) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ModelFile file = ModelFile.read(model);
        Path recordFile = record != null ? record : model.toAbsolutePath().resolveSibling(InferenceRecord.FILE);
        RunReport run = data.inputFor(model, file).spikeDriven(limit, recordFile, record != null,
                new ConsoleProgress(out));
        SnnEnergyReport r = SnnEnergyReport.of(file.spec(), run, energy);
        out.printf("%s, %s on %d test images (%s %.2f%%), %s: exact counts per image%n",
                file.spec().arch(), file.spec().activation().describe(), r.images(), r.score().primary(),
                100 * r.score().value(), energy.name());
        out.printf("  %-24s %-7s %12s %14s %10s %16s %10s%n", "layer", "kind", "MACs", "SOPs (exact)", "mJ",
                "SOPs (estimate)", "mJ");
        for (SnnEnergyReport.Layer l : r.layers()) {
            out.printf("  %-24s %-7s %12.0f %14.0f %10.5f %16.0f %10.5f%n", l.name(), l.kind(), l.macs(), l.sops(),
                    l.energyMj(), l.literatureSops(), l.literatureEnergyMj());
        }
        out.printf("SNN: %.0f MACs + %.0f SOPs = %.5f mJ per image; ANN twin: %d MACs = %.5f mJ; "
                + "efficiency ANN/SNN %.2fx%n", r.macsPerImage(), r.sopsPerImage(), r.energyMj(), r.annTwinMacs(),
                r.annTwinEnergyMj(), r.efficiencyVsAnn());
        out.printf("literature estimate (firing rate x T x FLOPs): %.0f SOPs = %.5f mJ (%.2fx the exact count)%n",
                r.literatureSopsPerImage(), r.literatureEnergyMj(), r.estimateOverExact());
        out.println(SnnEnergyReport.ESTIMATE_NOTE);
        return r.json();
    }
}
