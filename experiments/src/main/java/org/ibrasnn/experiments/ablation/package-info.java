/**
 * The paper's ablations (Table 4, Table 1, Figure 3): models that share architecture, recipe and seed, trained
 * (or reused) in one directory, run spike-driven and tabulated as Markdown, JSON and a PNG chart.
 */
package org.ibrasnn.experiments.ablation;
