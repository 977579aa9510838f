package org.ibrasnn.experiments.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.energy.EnergyModel;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.task.Detection;
import org.ibrasnn.core.task.Tasks;
import org.ibrasnn.djl.train.EpochMetrics;
import org.ibrasnn.djl.train.TrainingRecord;
import org.ibrasnn.experiments.energy.SnnEnergyReport;
import org.ibrasnn.runtime.LayerReport;
import org.ibrasnn.runtime.RunReport;

/** The HTML of a training run's report: static markup, inline CSS and PNG data URIs; no script, no external file. */
final class HtmlReport {

    /** Histograms of wide count ranges are grouped into at most this many bars (besides S = 0). */
    static final int MAX_BARS = 32;

    private HtmlReport() {}

    /** The page; {@code splits} are the data of the run ({@code report} covers the first test images). */
    static String render(Path run, ModelFile model, TrainingRecord metrics, RunReport report, Splits splits) {
        StringBuilder h = new StringBuilder();
        String title = "ibra-snn report: " + model.spec().arch() + ", " + model.spec().activation().describe();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;word-break:break-word;"
                        + "text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
                        + "img{max-width:100%;display:block;margin:1em 0}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p>Run directory ").append(esc(run.toString()))
                .append(". Spike-driven runtime on ").append(report.images()).append(" test images: ")
                .append(report.score().primary()).append(' ').append(f("%.2f %%", 100 * report.score().value())).append(", T = ").append(report.timesteps())
                .append(", virtual steps ").append(report.virtualSteps()).append(".</p>\n");
        provenance(h, model);
        curves(h, metrics);
        if (Detection.NAME.equals(model.spec().task().name())) {
            DetectionSection.render(h, report, splits);
        }
        layers(h, report);
        energy(h, model, report);
        histograms(h, report);
        return h.append("</body></html>\n").toString();
    }

    private static void provenance(StringBuilder h, ModelFile model) {
        h.append("<h2>Provenance</h2>\n<table>");
        model.provenance().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>")
                .append(esc(v)).append("</td></tr>"));
        h.append("</table>\n");
    }

    private static void curves(StringBuilder h, TrainingRecord metrics) {
        h.append("<h2>Training</h2>\n");
        String metric = Tasks.named(metrics.task()).metricName();
        List<Integer> epochs = metrics.epochs().stream().map(EpochMetrics::epoch).toList();
        String train = metrics.epochs().isEmpty() ? metric : metrics.epochs().getFirst().train().primary();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        values.put("train " + train, percent(metrics.epochs().stream().map(e -> e.train().value()).toList()));
        values.put("test " + metric, percent(metrics.epochs().stream().map(e -> e.test().value()).toList()));
        double last = metrics.test() != null ? metrics.test().value() : 0;
        h.append("<p>").append(epochs.size()).append(" epochs, final test ").append(metric).append(' ')
                .append(f("%.2f %%", 100 * last)).append(", wall time ")
                .append(f("%.0f s", metrics.wallSeconds())).append(".</p>\n");
        image(h, "training loss", Charts.lines("Training loss", "loss", epochs,
                Map.of("train loss", metrics.epochs().stream().map(EpochMetrics::trainLoss).toList())));
        String title = train.equals(metric) ? Character.toUpperCase(metric.charAt(0)) + metric.substring(1)
                : "Train " + train + ", test " + metric;
        image(h, metric + " per epoch", Charts.lines(title, (train.equals(metric) ? metric + " " : "") + "(%)",
                epochs, values));
    }

    private static List<Double> percent(List<Double> fractions) {
        return fractions.stream().map(v -> 100 * v).toList();
    }

    private static void layers(StringBuilder h, RunReport r) {
        h.append("<h2>Spikes per layer</h2>\n<table><tr><th>layer</th><th>kind</th><th>MACs/img</th><th>SOPs/img</th>"
                + "<th>spikes/img</th><th>firing rate</th><th>1-bits per neuron per step</th></tr>");
        List<String> names = new ArrayList<>();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        rates.put("firing rate (%)", new ArrayList<>());
        Map<String, List<Double>> ones = new LinkedHashMap<>();
        ones.put("1-bits per neuron per step", new ArrayList<>());
        for (LayerReport l : r.layers()) {
            h.append("<tr><td>").append(esc(l.name())).append("</td><td>").append(l.kind()).append("</td><td>")
                    .append(f("%.0f", (double) l.macs() / r.images())).append("</td><td>")
                    .append(f("%.0f", (double) l.sops() / r.images())).append("</td><td>")
                    .append(f("%.0f", (double) l.spikes() / r.images())).append("</td><td>")
                    .append(f("%.4f", l.firingRate())).append("</td><td>").append(f("%.3f", l.onesPerNeuronPerStep()))
                    .append("</td></tr>");
            if (l.kind().equals("neuron")) {
                names.add(l.name());
                rates.get("firing rate (%)").add(100 * l.firingRate());
                ones.get("1-bits per neuron per step").add(l.onesPerNeuronPerStep());
            }
        }
        h.append("</table>\n");
        if (names.isEmpty() || r.totalSops() == 0) {
            h.append("<p>No spikes: this is a ReLU network.</p>\n");
            return;
        }
        image(h, "firing rate per layer", Charts.bars("Firing rate per neuron layer", "%", names, rates, false));
        image(h, "1-bits per neuron", Charts.bars("1-bits per neuron per timestep", "ones", names, ones, false));
    }

    private static void energy(StringBuilder h, ModelFile model, RunReport r) {
        SnnEnergyReport e = SnnEnergyReport.of(model.spec(), r, EnergyModel.FP32);
        h.append("<h2>Energy per image</h2>\n<p>").append(f("%.0f MACs + %.0f SOPs = %.5f mJ", e.macsPerImage(),
                e.sopsPerImage(), e.energyMj())).append(f(" (%s: E_MAC %.2f pJ, E_AC %.2f pJ)", e.energy().name(),
                e.energy().macPicojoules(), e.energy().acPicojoules()))
                .append("; the same architecture as a ReLU ANN: ")
                .append(f("%.5f mJ, %.2fx", e.annTwinEnergyMj(), e.efficiencyVsAnn())).append(". Literature ")
                .append("estimate: ").append(f("%.0f SOPs", e.literatureSopsPerImage())).append(".</p>\n<p>")
                .append(esc(SnnEnergyReport.ESTIMATE_NOTE)).append("</p>\n");
        List<String> names = new ArrayList<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("exact", new ArrayList<>());
        series.put("literature estimate", new ArrayList<>());
        for (SnnEnergyReport.Layer l : e.layers()) {
            names.add(l.name());
            series.get("exact").add(l.energyMj());
            series.get("literature estimate").add(l.literatureEnergyMj());
        }
        image(h, "energy per layer", Charts.bars("Energy per layer (mJ per image)", "mJ", names, series, false));
    }

    private static void histograms(StringBuilder h, RunReport r) {
        h.append("<h2>Emitted values</h2>\n");
        List<LayerReport> neurons = r.layers().stream().filter(l -> l.kind().equals("neuron") && l.spikes() > 0).toList();
        if (neurons.isEmpty()) {
            h.append("<p>No emitted counts to show.</p>\n");
            return;
        }
        int bins = neurons.getFirst().countHistogram().size();
        int width = (int) Math.ceil((bins - 1) / (double) MAX_BARS);
        List<String> categories = new ArrayList<>();
        for (int lo = 1; lo < bins; lo += width) {
            int hi = Math.min(bins - 1, lo + width - 1);
            categories.add(lo == hi ? String.valueOf(lo) : lo + "-" + hi);
        }
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (LayerReport l : neurons) {
            List<Long> counts = l.countHistogram();
            double nonzero = counts.stream().skip(1).mapToLong(Long::longValue).sum();
            List<Double> shares = new ArrayList<>();
            for (int lo = 1; lo < bins; lo += width) {
                long sum = 0;
                for (int k = lo; k < Math.min(bins, lo + width); k++) {
                    sum += counts.get(k);
                }
                shares.add(100 * sum / Math.max(1, nonzero));
            }
            series.put(l.name() + f(" (%.0f %% zeros)", 100.0 * counts.getFirst() / Math.max(1, counts.stream()
                    .mapToLong(Long::longValue).sum())), shares);
        }
        h.append("<p>Share of the non-zero counts S per value").append(width > 1 ? " (grouped, " + width + " values per bar)" : "")
                .append("; the legend gives each layer's share of zeros.</p>\n");
        image(h, "histograms of emitted values", Charts.bars("Emitted counts S per neuron layer", "share of non-zero (%)",
                categories, series, false));
    }

    static void image(StringBuilder h, String alt, byte[] png) {
        h.append("<img alt=\"").append(esc(alt)).append("\" src=\"").append(Charts.dataUri(png)).append("\">\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
