package org.ibrasnn.core.neuron;

/** How an integer spike count S travels between layers at inference (DESIGN.md §1). */
public enum SpikeEncoding {
    /** One binary spike per timestep (LIF): S is 0 or 1. */
    BINARY,
    /** D binary slots per timestep, slot k carries [S > k] (I-LIF). */
    UNARY,
    /** B bit-planes per timestep, plane b carries bit b of S, weight 2^b (IB-LIF, IBRA-LIF). */
    BIT_PLANES
}
