package org.ibrasnn.core.model.ops;

import java.util.List;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Shape;

/** Mean over all spatial positions; the result is a flat vector of channels of the same flow. */
public record GlobalAvgPool() implements org.ibrasnn.core.model.Op {

    public static final String TYPE = "global_avg_pool";

    static GlobalAvgPool read(JsonFields f) {
        return new GlobalAvgPool();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Shape.flat(inputs.get(0).channels());
    }

    @Override
    public Flow outputFlow(List<Flow> inputs) {
        return inputs.get(0);
    }
}
