/**
 * ANN-to-SNN conversion as a pipeline: a trained ReLU ANN, optionally calibrated on training images, converted
 * to any spiking neuron; and the comparison of the ANN with its conversions, run spike-driven with exact energy.
 */
package org.ibrasnn.experiments.conversion;
