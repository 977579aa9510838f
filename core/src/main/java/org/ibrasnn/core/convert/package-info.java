/**
 * ANN-to-SNN conversion: a trained ReLU network becomes a spiking one by swapping the activation, optionally
 * with per-stream scales, calibrated on training images, folded into the weights.
 */
package org.ibrasnn.core.convert;
