package org.ibrasnn.experiments.conversion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.energy.EnergyModel;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.neuron.ResetMode;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.experiments.SpikeRun;
import org.ibrasnn.experiments.energy.EnergyJson;
import org.ibrasnn.experiments.report.MarkdownTable;
import org.ibrasnn.runtime.RunReport;

/**
 * The ANN and its conversions, each run by the spike-driven runtime on the same test images, with exact
 * operation counts and fp32 energy per image: one plain row per {@link #TARGETS target}, and a calibrated row
 * beside it when the conversion is calibrated.
 */
public final class ConversionComparison {

    /**
     * The conversions tabulated: IBRA-LIF for N = 10, 100, 1000 with D near 5, and the I-LIF (D = 4) and LIF
     * (T = 4) baselines. The LIF baseline does not leak (alpha = 1, an integrate-and-fire neuron), as
     * rate-coded conversion methods use it; at T = 1 alpha plays no part.
     */
    public static final List<NeuronSpec> TARGETS = List.of(
            new IbraLifSpec(6.3, 10, 0.25, 1),
            IbraLifSpec.paperDefault(1),
            new IbraLifSpec(4.095, 1000, 0.25, 1),
            new ILifSpec(4, 0.25, 1),
            new LifSpec(1.0, ResetMode.SOFT, 2.0, 1.0, 4));

    /** The energy model of the table. */
    public static final EnergyModel ENERGY = EnergyModel.FP32;

    private ConversionComparison() {}

    /**
     * One network of the table; the task's primary metric (named {@code metric}) as a fraction, its
     * change against the ANN in percentage points.
     */
    public record Row(String network, String conversion, int virtualSteps, String metric, double value,
                      double changePoints, double macsPerImage, double sopsPerImage, double energyMj, double efficiencyVsAnn) {}

    /** The finished table: the ANN's row first, on {@code images} test images; levels by neuron layer, or null. */
    public record Table(String arch, int images, List<Row> rows, Map<String, Double> calibrationLevels) {

        public Table {
            rows = List.copyOf(rows);
            calibrationLevels = calibrationLevels == null ? null
                    : Collections.unmodifiableMap(new LinkedHashMap<>(calibrationLevels));
        }

        /** The table as Markdown, with a title line. */
        public String markdown() {
            List<List<String>> cells = rows.stream().map(r -> List.of(r.network(), r.conversion(),
                    String.valueOf(r.virtualSteps()), format("%.2f %%", 100 * r.value()),
                    format("%+.2f", r.changePoints()), format("%.0f", r.macsPerImage()),
                    format("%.0f", r.sopsPerImage()), format("%.5f", r.energyMj()),
                    format("%.2fx", r.efficiencyVsAnn()))).toList();
            return "Conversion of a ReLU ANN, spike-driven runtime on " + images + " test images, fp32 energy per image\n\n"
                    + MarkdownTable.of(List.of("network", "conversion", "T x slots", rows.getFirst().metric(), "vs ANN (points)",
                            "MACs", "SOPs", "energy (mJ)", "ANN / this"), cells);
        }

        /**
         * The table as JSON for {@link org.ibrasnn.experiments.report.Json}: architecture, images, energy model,
         * calibration levels ("none") and rows.
         */
        public Map<String, Object> json() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("arch", arch);
            doc.put("images", images);
            doc.put("energy_model", EnergyJson.model(ENERGY));
            doc.put("calibration", calibrationLevels == null ? "none" : calibrationLevels);
            doc.put("rows", rows);
            return doc;
        }
    }

    /** Runs the ANN and its conversions on the first {@code limit} images of {@code test} (0: all). */
    public static Table run(AnnToSnn conversion, ImageDataset test, int limit, Progress progress) {
        RunReport annRun = run(conversion.ann(), test, limit, progress);
        List<Row> rows = new ArrayList<>();
        rows.add(row("ReLU ANN", "-", annRun, annRun));
        for (NeuronSpec target : TARGETS) {
            rows.add(row(target.describe(), "plain", run(conversion.plainly(target), test, limit, progress), annRun));
            if (conversion.levels().isPresent()) {
                rows.add(row(target.describe(), "calibrated", run(conversion.convert(target), test, limit, progress),
                        annRun));
            }
        }
        return new Table(conversion.ann().spec().arch(), annRun.images(), rows, conversion.levels().orElse(null));
    }

    private static RunReport run(ModelFile model, ImageDataset test, int limit, Progress progress) {
        return SpikeRun.spikeDriven(model, test, limit, progress).report();
    }

    private static double millijoules(RunReport r) {
        return ENERGY.millijoules(r.macsPerImage(), r.sopsPerImage());
    }

    private static Row row(String network, String conversion, RunReport r, RunReport annRun) {
        return new Row(network, conversion, r.virtualSteps(), r.score().primary(), r.score().value(),
                100 * (r.score().value() - annRun.score().value()),
                r.macsPerImage(), r.sopsPerImage(), millijoules(r), millijoules(annRun) / millijoules(r));
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
