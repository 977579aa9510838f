/**
 * Energy per image: of an ANN from its architecture alone, and of an SNN from the operations the spike-driven
 * runtime executed, beside its ANN twin and beside the literature's estimate (firing rate x T x FLOPs).
 */
package org.ibrasnn.experiments.energy;
