/**
 * The ops a network graph is made of, one file each (shape inference, flow rule, tensors, dense MACs, JSON
 * fields), and {@link org.ibrasnn.core.model.ops.Ops}, the registry that reads them by JSON type.
 */
package org.ibrasnn.core.model.ops;
