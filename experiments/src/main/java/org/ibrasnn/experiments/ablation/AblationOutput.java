package org.ibrasnn.experiments.ablation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.neuron.CountingNeuronSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.task.Detection;
import org.ibrasnn.experiments.energy.EnergyJson;
import org.ibrasnn.experiments.energy.SnnEnergyReport;
import org.ibrasnn.experiments.report.Charts;
import org.ibrasnn.experiments.report.Json;
import org.ibrasnn.experiments.report.MarkdownTable;
import org.ibrasnn.runtime.LayerReport;

/** Writes an ablation's Markdown table, JSON and PNG chart. */
final class AblationOutput {

    private AblationOutput() {}

    /** Writes DIR/<name>.md, .json and .png. */
    static AblationRun.Result write(Ablation ablation, List<AblationRow> rows, Map<String, Object> settings, Path dir)
            throws IOException {
        String name = ablation.fileName();
        String table = switch (ablation) {
            case TABLE4 -> table4(rows);
            case TABLE1 -> table1(rows);
            case FIGURE3 -> figure3(rows);
            case TABLE6 -> table6(rows);
        };
        byte[] png = ablation == Ablation.FIGURE3 ? histograms(rows) : Charts.metricVsEnergy(ablation.title(),
                metric(rows), rows.stream().map(r -> new Charts.Point(r.entry().label() + " (" + Ablation.timesByD(r.spec().activation())
                        + ")", r.energy().energyMj(), r.percent())).toList());
        String md = "# " + ablation.title() + "\n\n" + settingsLine(settings) + "\n\n" + table;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ablation", name);
        json.put("title", ablation.title());
        json.put("settings", settings);
        json.put("energy_model", EnergyJson.model(AblationRow.ENERGY));
        json.put("rows", rows.stream().map(r -> switch (ablation) {
            case FIGURE3 -> histogramJson(r);
            case TABLE6 -> withParameters(r);
            case TABLE4, TABLE1 -> r.json();
        }).toList());
        AblationRun.Result result = new AblationRun.Result(rows, md, dir.resolve(name + ".md"),
                dir.resolve(name + ".json"), dir.resolve(name + ".png"));
        AtomicFiles.writeString(result.markdownFile(), md);
        AtomicFiles.writeString(result.jsonFile(), Json.pretty(json));
        AtomicFiles.write(result.chartFile(), out -> out.write(png));
        return result;
    }

    private static String settingsLine(Map<String, Object> s) {
        return String.format(Locale.ROOT, "%s, recipe %s%s, %s epochs, seed %s, %s training images; spike-driven "
                + "runtime on %s test images; energy per image with E_MAC = %.1f pJ, E_AC = %.1f pJ.", s.get("arch"),
                s.get("recipe"), recipeChanges(s), s.get("epochs"), s.get("seed"), s.get("train_images"),
                s.get("test_images"), AblationRow.ENERGY.macPicojoules(), AblationRow.ENERGY.acPicojoules());
    }

    /** The recipe's changed fields, e.g. " (learning_rate 0.03, averaging 0.999)", or nothing. */
    private static String recipeChanges(Map<String, Object> s) {
        List<String> changed = AblationRun.CHANGEABLE.keySet().stream()
                .filter(s::containsKey).map(k -> k + " " + s.get(k)).toList();
        return changed.isEmpty() ? "" : " (" + String.join(", ", changed) + ")";
    }

    /** The name of the rows' primary metric (one task per ablation). */
    private static String metric(List<AblationRow> rows) {
        return rows.getFirst().report().score().primary();
    }

    private static String table4(List<AblationRow> rows) {
        return MarkdownTable.of(List.of("model", "T x D", metric(rows), "MACs", "SOPs", "energy (mJ)", "ANN twin / this"),
                rows.stream().map(r -> {
                    SnnEnergyReport e = r.energy();
                    return List.of(r.entry().label(), Ablation.timesByD(r.spec().activation()),
                            f("%.2f %%", r.percent()), f("%.0f", e.macsPerImage()), f("%.0f", e.sopsPerImage()),
                            f("%.5f", e.energyMj()), f("%.2fx", e.efficiencyVsAnn()));
                }).toList());
    }

    private static String table1(List<AblationRow> rows) {
        return MarkdownTable.of(List.of("D", "N", "D x N", "B", metric(rows), "SOPs", "energy (mJ)", "ANN twin / this"),
                rows.stream().map(r -> {
                    IbraLifSpec s = (IbraLifSpec) r.spec().activation();
                    SnnEnergyReport e = r.energy();
                    boolean unclipped = s.maxCount() == Ablation.UNCLIPPED_COUNTS;
                    return List.of(Ablation.dText(s), String.valueOf(s.n()),
                            unclipped ? "\u221e" : "2^" + s.bits() + " - 1", unclipped ? "\u221e" : String.valueOf(s.bits()),
                            f("%.2f %%", r.percent()), f("%.0f", e.sopsPerImage()), f("%.5f", e.energyMj()),
                            f("%.2fx", e.efficiencyVsAnn()));
                }).toList());
    }

    /** COCO's AP at IoU 0.50, as the detection task's metrics name it. */
    private static final String AP50 = "AP50";

    /** The paper's Table 6 rows this one stands beside (SpikeYOLO's {@code n} on COCO val2017). */
    static final String TABLE6_PAPER = "Paper, COCO val2017 at 640x640, 13.2 M parameters: SpikeYOLO with I-LIF (1 x 4) "
            + "59.2 % mAP@50 / 42.5 % mAP@50:95; IBRA-LIF (1 x 5.11, N = 100) 61.3 % / 44.8 %. Our figures are the "
            + "CPU-sized detector on the synthetic scenes and do not compare in absolute terms.\n";

    private static String table6(List<AblationRow> rows) {
        return MarkdownTable.of(List.of("model", "T x D", "mAP@50", "mAP@50:95", "parameters", "MACs", "SOPs",
                "energy (mJ)", "ANN twin / this"), rows.stream().map(r -> {
                    SnnEnergyReport e = r.energy();
                    return List.of(r.entry().label(), Ablation.timesByD(r.spec().activation()),
                            f("%.2f %%", r.percent(AP50)), f("%.2f %%", r.percent(Detection.MAP)),
                            f("%.2f M", ModelTensors.parameters(r.spec()) / 1e6), f("%.0f", e.macsPerImage()),
                            f("%.0f", e.sopsPerImage()), f("%.5f", e.energyMj()), f("%.2fx", e.efficiencyVsAnn()));
                }).toList()) + "\n" + conversions(rows) + TABLE6_PAPER;
    }

    /** One line per converted row: what it is made from, since it had no training of its own. */
    private static String conversions(List<AblationRow> rows) {
        return rows.stream().filter(r -> r.entry().conversion() != null)
                .map(r -> r.entry().label() + ": not trained; " + r.origin() + " (per-stream scales folded into the "
                        + "weights).\n\n").reduce("", String::concat);
    }

    private static Map<String, Object> withParameters(AblationRow r) {
        Map<String, Object> m = new LinkedHashMap<>(r.json());
        m.put("parameters", ModelTensors.parameters(r.spec()));
        return m;
    }

    private static String figure3(List<AblationRow> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (AblationRow r : rows) {
            int max = ((CountingNeuronSpec) r.spec().activation()).maxCount();
            for (LayerReport l : neurons(r)) {
                long[] h = l.countHistogram().stream().mapToLong(Long::longValue).toArray();
                long total = IntStream.range(0, h.length).mapToLong(k -> h[k]).sum();
                long nonzero = total - h[0];
                long low = IntStream.rangeClosed(1, Math.min(h.length - 1, max / 4)).mapToLong(k -> h[k]).sum();
                double mean = IntStream.range(0, h.length).mapToDouble(k -> (double) k * h[k]).sum() / Math.max(1, total);
                cells.add(List.of(r.entry().label(), l.name(), f("%.1f %%", 100.0 * h[0] / total),
                        f("%.2f", mean), f("%.1f %%", 100.0 * low / Math.max(1, nonzero)),
                        f("%.2f %%", 100.0 * h[Math.min(h.length - 1, max)] / total)));
            }
        }
        return "Values crowd the low end when most non-zero values sit in the lowest quarter of 1..D x N.\n\n"
                + MarkdownTable.of(List.of("model", "layer", "S = 0", "mean S", "non-zero S in lowest quarter",
                        "S = D x N (clipped)"), cells);
    }

    private static List<LayerReport> neurons(AblationRow r) {
        return r.report().layers().stream().filter(l -> l.kind().equals("neuron")).toList();
    }

    private static byte[] histograms(List<AblationRow> rows) {
        List<byte[]> charts = new ArrayList<>();
        for (AblationRow r : rows) {
            int bins = neurons(r).getFirst().countHistogram().size();
            List<String> categories = IntStream.range(1, bins).mapToObj(String::valueOf).toList();
            Map<String, List<Double>> series = new LinkedHashMap<>();
            for (LayerReport l : neurons(r)) {
                List<Long> h = l.countHistogram();
                double nonzero = h.stream().skip(1).mapToLong(Long::longValue).sum();
                series.put(l.name(), h.stream().skip(1).map(v -> 100 * v / Math.max(1, nonzero)).toList());
            }
            charts.add(Charts.bars(r.entry().label(), "share of non-zero values (%)", categories, series, false));
        }
        return Charts.sideBySide(charts);
    }

    private static Map<String, Object> histogramJson(AblationRow r) {
        Map<String, Object> m = new LinkedHashMap<>(r.json());
        Map<String, List<Long>> layers = new LinkedHashMap<>();
        neurons(r).forEach(l -> layers.put(l.name(), l.countHistogram()));
        m.put("count_histograms", layers);
        return m;
    }

    private static String f(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
