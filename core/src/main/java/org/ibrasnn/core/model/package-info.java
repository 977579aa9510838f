/**
 * Architecture as data: {@link org.ibrasnn.core.model.ModelSpec} and its {@link org.ibrasnn.core.model.Layer}s,
 * plus the catalogue of named architectures.
 */
package org.ibrasnn.core.model;
