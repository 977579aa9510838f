/**
 * The neuron family of DESIGN.md §1 as immutable, validated specs ({@link org.ibrasnn.core.neuron.Activation}),
 * their pure reference step functions and the spike codecs used at inference.
 */
package org.ibrasnn.core.neuron;
