package org.ibrasnn.runtime;

import java.util.List;

/** Per-layer operation and spike counters of one engine thread; merged after a run. */
final class Counters {

    final long[] macs;
    final long[] sops;
    final long[] events;
    final long[] neuronSteps;
    /** Neuron layers: 1-bits emitted per slot of the layer's encoding. */
    final long[][] slotOnes;
    /** Weight layers: the literature's estimate, mean input count x dense MACs, summed per timestep. */
    final double[] literatureSops;
    /** Neuron layers: how often each count S was emitted (counts above the last bin land in it). */
    final long[][] histograms;
    /** Weight layers: SOPs at each timestep. */
    final long[][] sopsByStep;

    Counters(List<Compiler.StatInfo> layers, int steps) {
        int n = layers.size();
        macs = new long[n];
        sops = new long[n];
        events = new long[n];
        neuronSteps = new long[n];
        slotOnes = new long[n][];
        literatureSops = new double[n];
        histograms = new long[n][];
        sopsByStep = new long[n][steps];
        for (int i = 0; i < n; i++) {
            slotOnes[i] = new long[layers.get(i).slots()];
            histograms[i] = new long[layers.get(i).bins()];
        }
    }

    /**
     * Counts one pass of weight layer {@code stat} at timestep {@code t}: its dense MACs when fed real values;
     * when fed spikes, the input events, the exact SOPs and the literature's estimate.
     */
    void weighted(int stat, int t, Value in, long denseMacs, long inputEvents, long exactSops) {
        if (in.isSpikes()) {
            events[stat] += inputEvents;
            sops[stat] += exactSops;
            sopsByStep[stat][t] += exactSops;
            long valueSum = 0;
            for (int s : in.counts) {
                valueSum += s;
            }
            literatureSops[stat] += (double) valueSum * denseMacs / in.counts.length;
        } else {
            macs[stat] += denseMacs;
        }
    }

    void add(Counters other) {
        for (int i = 0; i < macs.length; i++) {
            macs[i] += other.macs[i];
            sops[i] += other.sops[i];
            events[i] += other.events[i];
            neuronSteps[i] += other.neuronSteps[i];
            literatureSops[i] += other.literatureSops[i];
            for (int k = 0; k < histograms[i].length; k++) {
                histograms[i][k] += other.histograms[i][k];
            }
            for (int k = 0; k < sopsByStep[i].length; k++) {
                sopsByStep[i][k] += other.sopsByStep[i][k];
            }
            for (int k = 0; k < slotOnes[i].length; k++) {
                slotOnes[i][k] += other.slotOnes[i][k];
            }
        }
    }
}
