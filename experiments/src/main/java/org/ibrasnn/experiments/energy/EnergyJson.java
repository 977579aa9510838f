package org.ibrasnn.experiments.energy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ibrasnn.core.energy.EnergyModel;
import org.ibrasnn.core.model.ModelSpec;

/** The JSON fields the energy tables share. */
public final class EnergyJson {

    private EnergyJson() {}

    /** {@code {"name", "mac_pj", "ac_pj"}} of an energy model. */
    public static Map<String, Object> model(EnergyModel energy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", energy.name());
        m.put("mac_pj", energy.macPicojoules());
        m.put("ac_pj", energy.acPicojoules());
        return m;
    }

    /** What an energy report is about: architecture, input, network kind, neuron and energy model. */
    static Map<String, Object> header(ModelSpec spec, EnergyModel energy, String network) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arch", spec.arch());
        m.put("input", spec.input().toString());
        m.put("network", network);
        m.put("neuron", spec.activation().describe());
        m.put("energy_model", model(energy));
        return m;
    }
}
