/** Benchmarks that print medians and ratios measured side by side in one run (not tests). */
package org.ibrasnn.bench;
