package org.ibrasnn.runtime;

import java.util.List;

/**
 * Exact counts of one layer over a run. Weight layers ({@code conv}, {@code linear}) report MACs when fed
 * real values and SOPs (accumulates, with true fan-out) plus input events when fed spikes. Neuron layers
 * report emitted 1-slots ({@code spikes}), their split per plane or slot, the firing rate (share of
 * neuron x virtual-step slots that carry a 1) and the mean number of 1-bits per neuron per timestep.
 */
public record LayerReport(String name, String kind, long macs, long sops, long events, long spikes,
                          double firingRate, double onesPerNeuronPerStep, List<Long> spikesPerSlot) {

    public LayerReport {
        spikesPerSlot = List.copyOf(spikesPerSlot);
    }
}
