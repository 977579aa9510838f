package org.ibrasnn.core.neuron;

/**
 * One timestep of one neuron: input current, charged membrane {@code vPre}, integer spike count, emitted
 * value, membrane after the reset, and the surrogate / straight-through derivative dO/dV_pre.
 */
public record NeuronStep(float current, float vPre, int count, float output, float vAfter, float gradient) {}
