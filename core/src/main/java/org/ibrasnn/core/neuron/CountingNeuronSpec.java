package org.ibrasnn.core.neuron;

/**
 * The integer neurons: {@code S = clip(rint(V_pre * N), 0, D*N)}, emitted value {@code S / N}, soft
 * reset by the emitted value, straight-through gradient on {@code [0, D]}. They differ only in how
 * D and N are chosen and how S travels at inference.
 */
public sealed interface CountingNeuronSpec extends NeuronSpec permits ILifSpec, IbLifSpec, IbraLifSpec {

    /** Clipping level D of the emitted value O = S / N. */
    double d();

    /** Range-alignment factor N (1 for I-LIF and IB-LIF). */
    int n();

    @Override
    default float unit() {
        return 1f / n();
    }
}
