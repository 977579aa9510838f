/**
 * The pure-Java spike-driven runtime: inference export (BatchNorm and range alignment folded into the
 * weights), an engine whose convolutions and linear layers after the first visit only the 1-bits of
 * the spike encoding and accumulate, and exact per-layer operation counts.
 */
package org.ibrasnn.runtime;
