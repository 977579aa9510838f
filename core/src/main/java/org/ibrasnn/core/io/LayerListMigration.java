package org.ibrasnn.core.io;

import com.google.gson.JsonArray;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.JsonFields;
import org.ibrasnn.core.model.ops.Add;
import org.ibrasnn.core.model.ops.Ops;

/**
 * Reads the layer list of format version 1 as a graph: layers become a chain of nodes (unnamed ones are
 * named as {@link GraphBuilder#then(org.ibrasnn.core.model.Op)} names them), and a {@code residual} layer
 * becomes its entry neuron, its body and projection chains and an {@link Add} named after the block, which
 * is exactly what the catalogue builds today.
 */
final class LayerListMigration {

    /** Residual blocks nest at most this deep (format 1 never wrote nested blocks). */
    static final int MAX_DEPTH = 16;

    private LayerListMigration() {}

    static Graph graph(JsonArray layers) {
        GraphBuilder g = new GraphBuilder();
        chain(g, layers, "spec.layers", 0);
        return g.build();
    }

    private static void chain(GraphBuilder g, JsonArray layers, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(where + ": residual blocks nested deeper than " + MAX_DEPTH);
        }
        for (int i = 0; i < layers.size(); i++) {
            String at = where + "[" + i + "]";
            if (!layers.get(i).isJsonObject()) {
                throw new IllegalArgumentException(at + ": layer is not a JSON object");
            }
            JsonFields f = new JsonFields(layers.get(i).getAsJsonObject(), at);
            String type = f.string("type");
            if (type.equals("residual")) {
                JsonArray projection = f.array("projection");
                g.residual(f.string("name"), f.string("entry"), body -> chain(body, f.array("body"), at + ".body", depth + 1),
                        projection.isEmpty() ? null : p -> chain(p, projection, at + ".projection", depth + 1));
            } else if (f.has("name")) {
                g.then(f.string("name"), Ops.read(type, f));
            } else {
                g.then(Ops.read(type, f));
            }
        }
    }
}
