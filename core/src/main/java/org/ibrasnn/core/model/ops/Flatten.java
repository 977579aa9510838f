package org.ibrasnn.core.model.ops;

import java.util.List;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Shape;

/** Reshapes CxHxW into a flat vector (C*H*W, 1, 1) in channel-major order; the flow is unchanged. */
public record Flatten() implements org.ibrasnn.core.model.Op {

    public static final String TYPE = "flatten";

    static Flatten read(JsonFields f) {
        return new Flatten();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Shape.flat(inputs.get(0).size());
    }

    @Override
    public Flow outputFlow(List<Flow> inputs) {
        return inputs.get(0);
    }
}
