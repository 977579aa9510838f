/**
 * The pure-Java spike-driven runtime: the inference export (BatchNorm and range alignment folded into the
 * weights), a compiler that turns the model's graph into one executor per node (each op's executor in its
 * own file, found through {@code OpExecutors} by the core op's class), an engine that walks the nodes at
 * every timestep, and exact per-layer operation counts. Every conv and linear layer after the first visits
 * only the 1-bits of the spike encoding of the neurons it reads and accumulates.
 */
package org.ibrasnn.runtime;
