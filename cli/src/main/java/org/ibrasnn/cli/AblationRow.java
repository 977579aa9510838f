package org.ibrasnn.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ibrasnn.core.energy.DenseOperations;
import org.ibrasnn.core.energy.EnergyModel;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.runtime.RunReport;

/** One model of an ablation with its spike-driven run: accuracy, exact counts per image and fp32 energy. */
record AblationRow(Ablation.Entry entry, ModelSpec spec, RunReport report) {

    static final EnergyModel ENERGY = EnergyModel.FP32;

    double accuracyPercent() {
        return 100 * report.accuracy();
    }

    double macs() {
        return report.macsPerImage();
    }

    double sops() {
        return report.sopsPerImage();
    }

    double energyMj() {
        return ENERGY.millijoules(macs(), sops());
    }

    /** Energy of the same architecture as a ReLU ANN: every conv/linear a MAC, at every input frame. */
    double annTwinMj() {
        return ENERGY.millijoules(DenseOperations.perImage(spec.withActivation(new Relu())), 0);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", entry.label());
        m.put("neuron", spec.activation().describe());
        m.put("t_x_d", Ablation.timesByD(spec.activation()));
        m.put("virtual_steps", report.virtualSteps());
        m.put("test_images", report.images());
        m.put("accuracy", report.accuracy());
        m.put("macs_per_image", macs());
        m.put("sops_per_image", sops());
        m.put("literature_sops_per_image", report.literatureSopsPerImage());
        m.put("energy_mj", energyMj());
        m.put("ann_twin_energy_mj", annTwinMj());
        m.put("efficiency_vs_ann", annTwinMj() / energyMj());
        return m;
    }
}
