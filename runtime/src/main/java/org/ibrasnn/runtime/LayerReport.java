package org.ibrasnn.runtime;

import java.util.List;

/**
 * Exact counts of one layer over a run. Weight layers ({@code conv}, {@code linear}) report MACs when fed
 * real values and SOPs (accumulates, with true fan-out) plus input events when fed spikes. Neuron layers
 * report emitted 1-slots ({@code spikes}), their split per plane or slot, the firing rate (share of
 * neuron x virtual-step slots that carry a 1), the mean number of 1-bits per neuron per timestep and a
 * histogram of the emitted counts S (bin k: how often S = k was emitted). {@code literatureSops} is the
 * usual estimate for a weight layer fed by spikes: the mean input count per neuron (a count of 7 taken as
 * 7 spikes) times the layer's dense MACs, per timestep; exact {@code sops} count one accumulate per 1-bit
 * and reached synapse instead (7 = 0b111 costs 3), with true fan-out at borders. {@code sopsPerTimestep}
 * splits a weight layer's exact SOPs by timestep.
 */
public record LayerReport(String name, String kind, long macs, long sops, double literatureSops, long events,
                          long spikes, double firingRate, double onesPerNeuronPerStep, List<Long> spikesPerSlot,
                          List<Long> countHistogram, List<Long> sopsPerTimestep) {

    public LayerReport {
        spikesPerSlot = List.copyOf(spikesPerSlot);
        countHistogram = List.copyOf(countHistogram);
        sopsPerTimestep = List.copyOf(sopsPerTimestep);
    }
}
