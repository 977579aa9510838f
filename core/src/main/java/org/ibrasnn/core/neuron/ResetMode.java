package org.ibrasnn.core.neuron;

/** LIF reset after a spike: subtract the threshold (soft) or set the membrane to zero (hard). */
public enum ResetMode { SOFT, HARD }
