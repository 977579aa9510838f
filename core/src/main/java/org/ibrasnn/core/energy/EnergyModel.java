package org.ibrasnn.core.energy;

import java.util.List;

/**
 * Energy per multiply-accumulate and per accumulate, in picojoules (DESIGN.md §3; 45 nm figures from
 * Horowitz 2014). ANN energy is {@code E_MAC x MACs}; SNN energy is {@code E_MAC x MACs(first layer) +
 * E_AC x SOPs}.
 */
public record EnergyModel(String name, double macPicojoules, double acPicojoules) {

    public static final EnergyModel FP32 = new EnergyModel("fp32", 4.6, 0.9);
    public static final EnergyModel FP16 = new EnergyModel("fp16", 1.5, 0.4);
    public static final EnergyModel INT8 = new EnergyModel("int8", 0.23, 0.03);

    public EnergyModel {
        if (!(macPicojoules > 0) || !(acPicojoules > 0) || Double.isInfinite(macPicojoules)
                || Double.isInfinite(acPicojoules)) {
            throw new IllegalArgumentException("energy per operation must be positive and finite, got E_MAC="
                    + macPicojoules + " pJ, E_AC=" + acPicojoules + " pJ");
        }
    }

    /** A preset by name: fp32, fp16 or int8. */
    public static EnergyModel preset(String name) {
        for (EnergyModel m : List.of(FP32, FP16, INT8)) {
            if (m.name.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown energy preset '" + name + "'; choose fp32, fp16 or int8");
    }

    /** Energy in millijoules of the given operation counts. */
    public double millijoules(double macs, double acs) {
        return (macs * macPicojoules + acs * acPicojoules) * 1e-9;
    }
}
