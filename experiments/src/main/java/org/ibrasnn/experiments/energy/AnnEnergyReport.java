package org.ibrasnn.experiments.energy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.energy.DenseOperations;
import org.ibrasnn.core.energy.EnergyModel;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.Relu;

/**
 * Energy of one dense pass of an ANN, from the architecture alone: every conv/linear multiply-accumulate costs
 * E_MAC; BatchNorm (folded), pooling and additions are not counted. {@code totalMacs} is all MACs of one pass;
 * the network's trainable parameters come with it.
 */
public record AnnEnergyReport(ModelSpec spec, EnergyModel energy, List<Layer> layers, long totalMacs) {

    /** One conv/linear layer's MACs and energy per image and timestep. */
    public record Layer(String name, String kind, long macs, double energyMj) {}

    public AnnEnergyReport {
        layers = List.copyOf(layers);
    }

    /** The report of {@code spec}'s layers (one timestep); the total is exact or refused. */
    public static AnnEnergyReport of(ModelSpec spec, EnergyModel energy) {
        List<DenseOperations.LayerMacs> macs = DenseOperations.of(spec);
        return new AnnEnergyReport(spec, energy, macs.stream()
                .map(l -> new Layer(l.name(), l.kind(), l.macs(), energy.millijoules(l.macs(), 0))).toList(),
                DenseOperations.total(macs));
    }

    /** The report of the ReLU network of a catalogue architecture at an input shape. */
    public static AnnEnergyReport ofArchitecture(String arch, Shape input, int classes, EnergyModel energy) {
        return of(Architectures.build(arch, input, classes, new Relu()), energy);
    }

    /** Trainable parameters of the network (BatchNorm's running statistics are not parameters). */
    public long parameters() {
        return ModelTensors.parameters(spec);
    }

    /** Energy of one pass in mJ. */
    public double energyMj() {
        return energy.millijoules(totalMacs(), 0);
    }

    /** The report as JSON: header, per-layer rows, total MACs and energy. */
    public Map<String, Object> json() {
        Map<String, Object> m = EnergyJson.header(spec, energy, "ann");
        m.put("layers", layers.stream().map(AnnEnergyReport::layerJson).toList());
        m.put("parameters", parameters());
        m.put("total_macs", totalMacs());
        m.put("energy_mj", energyMj());
        return m;
    }

    /** A layer's row, in the shape of an SNN report's rows: MACs as a mean, no SOPs. */
    private static Map<String, Object> layerJson(Layer l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("kind", l.kind());
        m.put("macs", (double) l.macs());
        m.put("sops", 0.0);
        m.put("energy_mj", l.energyMj());
        return m;
    }
}
