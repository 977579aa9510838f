/**
 * What experiments hand to people: Markdown tables, pretty JSON, charts rendered to PNG, and the self-contained
 * HTML page about a training run ({@link org.ibrasnn.experiments.report.TrainingReport}).
 */
package org.ibrasnn.experiments.report;
