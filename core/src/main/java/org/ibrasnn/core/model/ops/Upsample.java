package org.ibrasnn.core.model.ops;

import com.google.gson.JsonObject;
import java.util.List;
import org.ibrasnn.core.model.Flow;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Shape;

/**
 * Nearest-neighbour upsampling by an integer {@code scale} on both axes: output pixel (y, x) copies input
 * pixel (y / scale, x / scale). The flow is unchanged, so upsampled spikes are still spikes.
 */
public record Upsample(int scale) implements org.ibrasnn.core.model.Op {

    public static final String TYPE = "upsample";

    public Upsample {
        if (scale < 2) {
            throw new IllegalArgumentException("upsample: scale must be >= 2, got " + scale);
        }
    }

    static Upsample read(JsonFields f) {
        return new Upsample(f.integer("scale"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape s = inputs.get(0);
        long h = (long) s.height() * scale;
        long w = (long) s.width() * scale;
        if (h > Integer.MAX_VALUE || w > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(s + " upsampled by " + scale + " is too large");
        }
        return new Shape(s.channels(), (int) h, (int) w);
    }

    @Override
    public Flow outputFlow(List<Flow> inputs) {
        return inputs.get(0);
    }

    @Override
    public void writeJson(JsonObject o) {
        o.addProperty("scale", scale);
    }
}
