/**
 * Architecture as data: {@link org.ibrasnn.core.model.ModelSpec} and its {@link org.ibrasnn.core.model.Graph}
 * of named {@link org.ibrasnn.core.model.Node}s, each an {@link org.ibrasnn.core.model.Op} (one file per op in
 * {@code ops}, listed in {@link org.ibrasnn.core.model.ops.Ops}), the {@link org.ibrasnn.core.model.GraphBuilder}
 * that chains them, and the catalogue of named architectures.
 */
package org.ibrasnn.core.model;
