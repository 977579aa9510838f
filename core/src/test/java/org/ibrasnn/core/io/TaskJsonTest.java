package org.ibrasnn.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.task.Tasks;
import org.junit.jupiter.api.Test;

/** The spec's task in its JSON: written by name, read back, absent in old files (classify), unknown refused. */
class TaskJsonTest {

    private final ModelSpec spec = Architectures.build("resnet-tiny", new Shape(1, 28, 28), 10, new Relu());

    @Test
    void writesAndReadsTheTaskByName() {
        String json = ModelSpecJson.toJson(spec);
        assertTrue(json.contains("\"task\":\"classify\""), json);
        assertEquals(spec, ModelSpecJson.fromJson(json));
    }

    @Test
    void aSpecWithoutATaskIsAClassifier() {
        String old = ModelSpecJson.toJson(spec).replace("\"task\":\"classify\",", "");
        assertTrue(!old.contains("task"), old);
        assertSame(Tasks.DEFAULT, ModelSpecJson.fromJson(old).task());
    }

    @Test
    void anUnknownTaskIsRefused() {
        String json = ModelSpecJson.toJson(spec).replace("\"task\":\"classify\"", "\"task\":\"detect-nothing\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSpecJson.fromJson(json));
        assertTrue(e.getMessage().contains("unknown task 'detect-nothing'; known: classify"), e.getMessage());
    }
}
