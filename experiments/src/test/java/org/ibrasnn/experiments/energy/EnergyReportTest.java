package org.ibrasnn.experiments.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.ibrasnn.core.energy.EnergyModel;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.experiments.report.Json;
import org.ibrasnn.runtime.LayerReport;
import org.ibrasnn.runtime.RunReport;
import org.junit.jupiter.api.Test;

/**
 * Energy reports on a network small enough to count by hand: a 1x4x4 image, a 3x3 conv to 2 channels (padding
 * 1, so 2x4x4 outputs), a neuron, global average pooling and a 2 -> 3 linear layer; fp32 (4.6 pJ per MAC,
 * 0.9 pJ per AC).
 */
class EnergyReportTest {

    private static final double PJ = 1e-9;

    private static final ModelSpec SNN = new ModelSpec("tiny", new Shape(1, 4, 4), 3, IbraLifSpec.paperDefault(1),
            new GraphBuilder().then("stem", new Conv(1, 2, 3, 1, 1, false)).then("n", new Neuron())
                    .then(new GlobalAvgPool()).then("fc", new Linear(2, 3, true)).build());

    /**
     * ANN: the conv makes 2 x 4 x 4 = 32 outputs of 1 x 3 x 3 = 9 MACs each, 288 MACs; the linear 2 x 3 = 6.
     * 294 MACs x 4.6 pJ = 1352.4 pJ = 1.3524e-6 mJ.
     */
    @Test
    void annEnergyIsEveryMacAtTheMacPrice() {
        AnnEnergyReport report = AnnEnergyReport.of(SNN.withActivation(new Relu()), EnergyModel.FP32);
        assertEquals(List.of(new AnnEnergyReport.Layer("stem", "conv", 288, 288 * 4.6 * PJ),
                new AnnEnergyReport.Layer("fc", "linear", 6, 6 * 4.6 * PJ)), report.layers());
        assertEquals(294, report.totalMacs());
        assertEquals(1.3524e-6, report.energyMj(), 1e-15);
        assertEquals(294L, report.json().get("total_macs"));
        // conv 2 x 1 x 3 x 3 = 18 weights, no bias; linear 3 x 2 weights + 3 biases = 9
        assertEquals(27, report.parameters());
        assertEquals(27L, report.json().get("parameters"));
    }

    /**
     * SNN over 2 images: the stem ran 576 MACs (288 per image), the linear 60 exact SOPs (30 per image) where
     * the literature's estimate says 90 (45 per image).
     * Exact: 288 x 4.6 + 30 x 0.9 = 1324.8 + 27 = 1351.8 pJ = 1.3518e-6 mJ.
     * ANN twin (T = 1): 294 x 4.6 = 1352.4 pJ; ANN / SNN = 1352.4 / 1351.8 = 1.000444.
     * Estimate: 1324.8 + 45 x 0.9 = 1365.3 pJ = 1.3653e-6 mJ, 1365.3 / 1351.8 = 1.009987 times the exact count.
     */
    @Test
    void snnEnergyCountsExecutedOperations() {
        RunReport run = new RunReport("SPIKE_DRIVEN", 2, Metrics.of("accuracy", 0.5), 1.0, 1, 9, List.of(
                layer("stem", "conv", 576, 0, 0), layer("n", "neuron", 0, 0, 0), layer("fc", "linear", 0, 60, 90)),
                List.of(0, 1));
        SnnEnergyReport report = SnnEnergyReport.of(SNN, run, EnergyModel.FP32);
        assertEquals(List.of(new SnnEnergyReport.Layer("stem", "conv", 288, 0, 1324.8 * PJ, 0, 1324.8 * PJ),
                new SnnEnergyReport.Layer("fc", "linear", 0, 30, 27 * PJ, 45, 40.5 * PJ)), report.layers(),
                "neuron layers have no synapses and are left out");
        assertEquals(1.3518e-6, report.energyMj(), 1e-15);
        assertEquals(294, report.annTwinMacs());
        assertEquals(1.3524e-6, report.annTwinEnergyMj(), 1e-15);
        assertEquals(1.000444, report.efficiencyVsAnn(), 1e-6);
        assertEquals(1.3653e-6, report.literatureEnergyMj(), 1e-15);
        assertEquals(1.009987, report.estimateOverExact(), 1e-6);
        assertEquals(report.energyMj(), report.json().get("energy_mj"));
        assertEquals(SnnEnergyReport.ESTIMATE_NOTE, report.json().get("literature_note"));
        JsonObject fc = JsonParser.parseString(Json.pretty(report.json())).getAsJsonObject().getAsJsonArray("layers")
                .get(1).getAsJsonObject();
        assertEquals(List.of("name", "kind", "macs", "sops", "energy_mj", "literature_sops", "literature_energy_mj"),
                List.copyOf(fc.keySet()));
        assertEquals(45.0, fc.get("literature_sops").getAsDouble());
    }

    private static LayerReport layer(String name, String kind, long macs, long sops, double literatureSops) {
        return new LayerReport(name, kind, macs, sops, literatureSops, 0, 0, 0, 0, List.of(), List.of(), List.of());
    }
}
