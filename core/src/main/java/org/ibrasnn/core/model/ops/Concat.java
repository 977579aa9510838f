package org.ibrasnn.core.model.ops;

import java.util.List;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Shape;

/**
 * Concatenation of two or more maps of one height and width along the channels, in input order. All inputs
 * carry the same flow, real values or spikes (a conv reading concatenated spikes stays spike-driven).
 */
public record Concat() implements org.ibrasnn.core.model.Op {

    public static final String TYPE = "concat";

    static Concat read(JsonFields f) {
        return new Concat();
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
        Shape first = inputs.get(0);
        int channels = 0;
        for (Shape s : inputs) {
            if (s.height() != first.height() || s.width() != first.width()) {
                throw new IllegalArgumentException("inputs differ in height or width: " + inputs);
            }
            channels += s.channels();
        }
        return new Shape(channels, first.height(), first.width());
    }

    @Override
    public Flow outputFlow(List<Flow> inputs) {
        Flow first = inputs.get(0);
        if (first == Flow.IMAGE || inputs.stream().anyMatch(f -> f != first)) {
            throw new IllegalArgumentException("inputs must all be REAL or all SPIKES, got " + inputs);
        }
        return first;
    }
}
