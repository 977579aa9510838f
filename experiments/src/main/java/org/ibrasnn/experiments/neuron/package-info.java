/** Neuron settings by name: an open registry from a name and shared parameters to an activation. */
package org.ibrasnn.experiments.neuron;
