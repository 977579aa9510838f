package org.ibrasnn.runtime;

/** Per-layer operation and spike counters of one engine thread; merged after a run. */
final class Counters {

    final long[] macs;
    final long[] sops;
    final long[] events;
    final long[] neuronSteps;
    final long[][] slotOnes;
    /** Weight layers: the literature's estimate, mean input count x dense MACs, summed per timestep. */
    final double[] literatureSops;
    /** Neuron layers: how often each count S was emitted (counts above the last bin land in it). */
    final long[][] histograms;
    /** Weight layers: SOPs at each timestep. */
    final long[][] sopsByStep;

    Counters(int layers, int slots, int bins, int steps) {
        macs = new long[layers];
        sops = new long[layers];
        events = new long[layers];
        neuronSteps = new long[layers];
        slotOnes = new long[layers][slots];
        literatureSops = new double[layers];
        histograms = new long[layers][bins];
        sopsByStep = new long[layers][steps];
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
