package org.ibrasnn.runtime;

/** Per-layer operation and spike counters of one engine thread; merged after a run. */
final class Counters {

    final long[] macs;
    final long[] sops;
    final long[] events;
    final long[] neuronSteps;
    final long[][] slotOnes;

    Counters(int layers, int slots) {
        macs = new long[layers];
        sops = new long[layers];
        events = new long[layers];
        neuronSteps = new long[layers];
        slotOnes = new long[layers][slots];
    }

    void add(Counters other) {
        for (int i = 0; i < macs.length; i++) {
            macs[i] += other.macs[i];
            sops[i] += other.sops[i];
            events[i] += other.events[i];
            neuronSteps[i] += other.neuronSteps[i];
            for (int k = 0; k < slotOnes[i].length; k++) {
                slotOnes[i][k] += other.slotOnes[i][k];
            }
        }
    }
}
