/**
 * Inference records ({@code infer.json}): a run's full report with what it was computed from, so that the
 * energy report and the HTML report take a matching record instead of running the model again
 * ({@link org.ibrasnn.experiments.record.RunInput}).
 */
package org.ibrasnn.experiments.record;
