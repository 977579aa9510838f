/**
 * The DJL block of each core op ({@link org.ibrasnn.core.model.ops}), one
 * {@link org.ibrasnn.djl.ops.OpBlockFactory} per file, found through
 * {@link org.ibrasnn.djl.ops.OpBlockFactories} by the op's class: a new op is its factory file and one
 * registry line.
 */
package org.ibrasnn.djl.ops;
