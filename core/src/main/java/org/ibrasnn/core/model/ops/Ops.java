package org.ibrasnn.core.model.ops;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.Op;

/** The registry of ops by their JSON type: adding an op is its file and one line here. */
public final class Ops {

    private static final Map<String, Function<JsonFields, Op>> READERS = new TreeMap<>(Map.ofEntries(
            Map.entry(Conv.TYPE, Conv::read),
            Map.entry(StandardizedConv.TYPE, StandardizedConv::read),
            Map.entry(BatchNorm.TYPE, BatchNorm::read),
            Map.entry(Neuron.TYPE, Neuron::read),
            Map.entry(Linear.TYPE, Linear::read),
            Map.entry(MaxPool.TYPE, MaxPool::read),
            Map.entry(GlobalAvgPool.TYPE, GlobalAvgPool::read),
            Map.entry(Flatten.TYPE, Flatten::read),
            Map.entry(Add.TYPE, Add::read),
            Map.entry(Concat.TYPE, Concat::read),
            Map.entry(Upsample.TYPE, Upsample::read)));

    private Ops() {}

    /** The known types, sorted. */
    public static List<String> types() {
        return List.copyOf(READERS.keySet());
    }

    /** Reads the op of {@code type} from its fields, or fails naming the known types. */
    public static Op read(String type, JsonFields fields) {
        Function<JsonFields, Op> reader = READERS.get(type);
        if (reader == null) {
            throw new IllegalArgumentException(fields.where() + ": unknown op type '" + type + "'; known: "
                    + String.join(", ", types()));
        }
        return reader.apply(fields);
    }
}
