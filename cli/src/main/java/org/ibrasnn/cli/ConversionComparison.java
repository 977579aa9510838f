package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.energy.EnergyModel;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.experiments.report.MarkdownTable;
import org.ibrasnn.experiments.report.Json;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.ResetMode;
import org.ibrasnn.runtime.RunReport;
import org.ibrasnn.experiments.SpikeRun;

/**
 * The table of {@code ibra convert --compare}: the ANN and its conversions, each run by the spike-driven
 * runtime on the same test images, with exact operation counts and fp32 energy per image.
 */
final class ConversionComparison {

    /**
     * The conversions tabulated: IBRA-LIF for N = 10, 100, 1000 with D near 5, and the I-LIF (D = 4) and LIF
     * (T = 4) baselines. The LIF baseline does not leak (alpha = 1, an integrate-and-fire neuron), as
     * rate-coded conversion methods use it; at T = 1 alpha plays no part.
     */
    static final List<NeuronSpec> TARGETS = List.of(
            new IbraLifSpec(6.3, 10, 0.25, 1),
            IbraLifSpec.paperDefault(1),
            new IbraLifSpec(4.095, 1000, 0.25, 1),
            new ILifSpec(4, 0.25, 1),
            new LifSpec(1.0, ResetMode.SOFT, 2.0, 1.0, 4));

    private final ConvertCommand command;
    private final ModelFile ann;

    ConversionComparison(ConvertCommand command, ModelFile ann) {
        this.command = command;
        this.ann = ann;
    }

    /** Runs the ANN and its conversions on {@code test}; calibrated rows too when {@code levels} is given. */
    void run(PrintWriter out, ImageDataset test, Map<String, Double> levels, int limit, Path json, Path markdown)
            throws IOException {
        EnergyModel energy = EnergyModel.FP32;
        List<Map<String, Object>> rows = new ArrayList<>();
        RunReport annRun = run(ann, test, limit);
        double annMj = millijoules(annRun, energy);
        rows.add(row("ReLU ANN", "-", annRun, annRun, energy, annMj));
        for (NeuronSpec target : TARGETS) {
            rows.add(row(target.describe(), "plain", run(command.convert(ann, target, null), test, limit), annRun,
                    energy, annMj));
            if (levels != null) {
                rows.add(row(target.describe(), "calibrated", run(command.convert(ann, target, levels), test, limit),
                        annRun, energy, annMj));
            }
        }
        String table = markdown(rows, annRun.images());
        out.print(table);
        if (markdown != null) {
            AtomicFiles.writeString(markdown, table);
        }
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("arch", ann.spec().arch());
            doc.put("images", annRun.images());
            doc.put("energy_model", Map.of("name", energy.name(), "mac_pj", energy.macPicojoules(), "ac_pj",
                    energy.acPicojoules()));
            doc.put("calibration", levels == null ? "none" : levels);
            doc.put("rows", rows);
            AtomicFiles.writeString(json, Json.pretty(doc));
        }
    }

    private static RunReport run(ModelFile model, ImageDataset test, int limit) {
        return SpikeRun.spikeDriven(model, test, limit, new ConsoleProgress(null)).report();
    }

    private static double millijoules(RunReport r, EnergyModel energy) {
        return energy.millijoules(r.macsPerImage(), r.sopsPerImage());
    }

    private static Map<String, Object> row(String network, String conversion, RunReport r, RunReport annRun,
                                           EnergyModel energy, double annMj) {
        Map<String, Object> m = new LinkedHashMap<>();
        double mj = millijoules(r, energy);
        m.put("network", network);
        m.put("conversion", conversion);
        m.put("virtual_steps", r.virtualSteps());
        m.put("accuracy", r.accuracy());
        m.put("accuracy_change_points", 100 * (r.accuracy() - annRun.accuracy()));
        m.put("macs_per_image", r.macsPerImage());
        m.put("sops_per_image", r.sopsPerImage());
        m.put("energy_mj", mj);
        m.put("efficiency_vs_ann", annMj / mj);
        return m;
    }

    private static String markdown(List<Map<String, Object>> rows, int images) {
        List<List<String>> cells = rows.stream().map(r -> List.of(
                (String) r.get("network"), (String) r.get("conversion"), String.valueOf(r.get("virtual_steps")),
                format("%.2f %%", 100 * (double) r.get("accuracy")),
                format("%+.2f", (double) r.get("accuracy_change_points")),
                format("%.0f", (double) r.get("macs_per_image")), format("%.0f", (double) r.get("sops_per_image")),
                format("%.5f", (double) r.get("energy_mj")), format("%.2fx", (double) r.get("efficiency_vs_ann"))))
                .toList();
        return "Conversion of a ReLU ANN, spike-driven runtime on " + images + " test images, fp32 energy per image\n\n"
                + MarkdownTable.of(List.of("network", "conversion", "T x slots", "accuracy", "vs ANN (points)",
                        "MACs", "SOPs", "energy (mJ)", "ANN / this"), cells);
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
