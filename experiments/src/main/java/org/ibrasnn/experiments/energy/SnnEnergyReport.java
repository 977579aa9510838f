package org.ibrasnn.experiments.energy;

import java.util.List;
import java.util.Map;
import org.ibrasnn.core.energy.DenseOperations;
import org.ibrasnn.core.energy.EnergyModel;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.runtime.RunReport;

/**
 * Energy per image of an SNN from the operations the spike-driven runtime executed (E_MAC x MACs of the first
 * layer + E_AC x exact SOPs), beside its ANN twin (the same architecture with ReLU, every conv/linear a MAC at
 * every timestep) and beside the literature's estimate (firing rate x T x FLOPs); {@link #ESTIMATE_NOTE} says
 * why the two differ. Counts are means per image.
 */
public record SnnEnergyReport(ModelSpec spec, EnergyModel energy, int images, Metrics score, List<Layer> layers,
                              double macsPerImage, double sopsPerImage, double literatureSopsPerImage,
                              long annTwinMacs) {

    /** How the literature's estimate differs from the exact count. */
    public static final String ESTIMATE_NOTE = "The estimate multiplies each layer's dense MACs by the mean input "
            + "count per neuron and timestep, so an integer value 7 costs 7 accumulates and every synapse has the "
            + "average fan-out. The exact count runs the spikes: a value travels as bit-planes (7 = 0b111 costs 3 "
            + "accumulates), unary slots (7 costs 7) or single spikes, and each 1 costs the synapses it really "
            + "reaches (fewer at padded borders; after global pooling every spike still costs a full row).";

    /** One conv/linear layer per image: MACs, exact SOPs and their energy, the estimated SOPs and theirs. */
    public record Layer(String name, String kind, double macs, double sops, double energyMj, double literatureSops,
                        double literatureEnergyMj) {}

    public SnnEnergyReport {
        layers = List.copyOf(layers);
    }

    /** The report of a finished run of {@code spec}. */
    public static SnnEnergyReport of(ModelSpec spec, RunReport run, EnergyModel energy) {
        double n = run.images();
        List<Layer> layers = run.layers().stream().filter(l -> !l.kind().equals("neuron")).map(l -> new Layer(
                l.name(), l.kind(), l.macs() / n, l.sops() / n, energy.millijoules(l.macs() / n, l.sops() / n),
                l.literatureSops() / n, energy.millijoules(l.macs() / n, l.literatureSops() / n))).toList();
        return new SnnEnergyReport(spec, energy, run.images(), run.score(), layers, run.macsPerImage(),
                run.sopsPerImage(), run.literatureSopsPerImage(), DenseOperations.perImage(spec.withActivation(new Relu())));
    }

    /** Exact energy per image in mJ. */
    public double energyMj() {
        return energy.millijoules(macsPerImage, sopsPerImage);
    }

    /** Energy of the ANN twin per image in mJ. */
    public double annTwinEnergyMj() {
        return energy.millijoules(annTwinMacs, 0);
    }

    /** How many times less energy than the ANN twin. */
    public double efficiencyVsAnn() {
        return annTwinEnergyMj() / energyMj();
    }

    /** The literature's estimate per image in mJ. */
    public double literatureEnergyMj() {
        return energy.millijoules(macsPerImage, literatureSopsPerImage);
    }

    /** The estimate over the exact energy. */
    public double estimateOverExact() {
        return literatureEnergyMj() / energyMj();
    }

    /**
     * The report as JSON for {@link org.ibrasnn.experiments.report.Json}: header, per-layer rows, totals, ANN twin,
     * estimate and the note on the difference.
     */
    public Map<String, Object> json() {
        Map<String, Object> m = EnergyJson.header(spec, energy, "snn");
        m.put("images", images);
        m.putAll(score.values());
        m.put("layers", layers);
        m.put("macs_per_image", macsPerImage);
        m.put("sops_per_image", sopsPerImage);
        m.put("energy_mj", energyMj());
        m.put("ann_twin_macs", annTwinMacs);
        m.put("ann_twin_energy_mj", annTwinEnergyMj());
        m.put("efficiency_vs_ann", efficiencyVsAnn());
        m.put("literature_sops_per_image", literatureSopsPerImage);
        m.put("literature_energy_mj", literatureEnergyMj());
        m.put("literature_note", ESTIMATE_NOTE);
        return m;
    }
}
