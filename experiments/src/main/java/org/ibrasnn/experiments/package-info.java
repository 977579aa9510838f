/**
 * The library layer above the runtime and the trainer: what the {@code ibra} commands do, reachable without a
 * command line. Sub-packages by concern: {@code energy}, {@code ablation}, {@code conversion}, {@code events},
 * {@code record}, {@code report}, {@code neuron} and {@code provenance}; this package holds what they share: a
 * spike-driven run of a model on test images and the {@link org.ibrasnn.experiments.Progress} callbacks of long
 * tasks.
 */
package org.ibrasnn.experiments;
