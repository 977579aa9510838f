package org.ibrasnn.core.task;

import org.ibrasnn.core.model.Shape;

/**
 * What a network ends in: its output shape, whether the values there are real (membrane-side) and, if not,
 * what they are, the output width the spec declares ({@code classes}) and the input one timestep sees.
 */
public record Head(Shape output, boolean realValued, String values, int declared, Shape input) {}
