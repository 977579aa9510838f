package org.ibrasnn.core.model.ops;

import java.util.List;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Shape;

/**
 * Element-wise sum of two or more membrane-side values of one shape, in input order: the shortcut of a
 * spike-driven residual block adds real values, never spikes.
 */
public record Add() implements org.ibrasnn.core.model.Op {

    public static final String TYPE = "add";

    static Add read(JsonFields f) {
        return new Add();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int arity() {
        return VARIADIC;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        for (Shape s : inputs) {
            if (!s.equals(inputs.get(0))) {
                throw new IllegalArgumentException("inputs differ in shape: " + inputs);
            }
        }
        return inputs.get(0);
    }

    @Override
    public Flow outputFlow(List<Flow> inputs) {
        inputs.forEach(f -> Checks.real("add", f));
        return Flow.REAL;
    }
}
