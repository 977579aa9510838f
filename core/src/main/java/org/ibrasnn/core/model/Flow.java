package org.ibrasnn.core.model;

/**
 * What kind of values flow out of a node: the image itself, real (membrane-side) values, or the integer
 * spike counts a neuron emits. The spike-driven rules are stated over these.
 */
public enum Flow { IMAGE, REAL, SPIKES }
