package org.ibrasnn.experiments.ablation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ibrasnn.core.energy.EnergyModel;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.experiments.energy.SnnEnergyReport;
import org.ibrasnn.runtime.RunReport;

/**
 * One model of an ablation with its spike-driven run: the task's metrics, exact counts per image and fp32 energy;
 * {@code origin} says how the model was made ("trained", or the conversion).
 */
public record AblationRow(Ablation.Entry entry, ModelSpec spec, RunReport report, String origin) {

    /** The energy model of every ablation table. */
    public static final EnergyModel ENERGY = EnergyModel.FP32;

    /** The task's primary test metric in percent. */
    public double percent() {
        return percent(report.score().primary());
    }

    /** The task's test metric {@code name} (a key of its {@link org.ibrasnn.core.task.Metrics}) in percent. */
    public double percent(String name) {
        Double value = report.score().values().get(name);
        if (value == null) {
            throw new IllegalArgumentException("the run has no metric '" + name + "'; it has "
                    + report.score().values().keySet());
        }
        return 100 * value;
    }

    /** Exact energy per image, beside the ANN twin's. */
    public SnnEnergyReport energy() {
        return SnnEnergyReport.of(spec, report, ENERGY);
    }

    /** The row as JSON: model, neuron, counts per image, energy and the ANN twin's. */
    public Map<String, Object> json() {
        SnnEnergyReport e = energy();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", entry.label());
        m.put("origin", origin);
        m.put("neuron", spec.activation().describe());
        m.put("t_x_d", Ablation.timesByD(spec.activation()));
        m.put("virtual_steps", report.virtualSteps());
        m.put("test_images", report.images());
        m.putAll(report.score().values());
        m.put("macs_per_image", e.macsPerImage());
        m.put("sops_per_image", e.sopsPerImage());
        m.put("literature_sops_per_image", e.literatureSopsPerImage());
        m.put("energy_mj", e.energyMj());
        m.put("ann_twin_energy_mj", e.annTwinEnergyMj());
        m.put("efficiency_vs_ann", e.efficiencyVsAnn());
        return m;
    }
}
