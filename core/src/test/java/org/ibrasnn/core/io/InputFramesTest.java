package org.ibrasnn.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ibrasnn.core.energy.DenseOperations;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.junit.jupiter.api.Test;

/** Specs whose input holds one frame per timestep: shapes, checks, JSON and dense counts. */
class InputFramesTest {

    private static ModelSpec events(int frames, org.ibrasnn.core.neuron.Activation a) {
        return Architectures.build("resnet-tiny", new Shape(2, 34, 34), 10, a).withInputFrames(frames);
    }

    @Test
    void framesStackAlongChannelsAndSetTheSteps() {
        ModelSpec spec = events(10, IbraLifSpec.paperDefault(10));
        assertEquals(new Shape(20, 34, 34), spec.input());
        assertEquals(new Shape(2, 34, 34), spec.stepInput());
        assertEquals(10, spec.steps());
        assertEquals(spec, ModelSpecJson.fromJson(ModelSpecJson.toJson(spec)));
        assertTrue(ModelSpecJson.toJson(spec).contains("\"input_frames\":10"));
        ModelSpec still = Architectures.build("resnet-tiny", new Shape(1, 28, 28), 10, LifSpec.of(4));
        assertTrue(!ModelSpecJson.toJson(still).contains("input_frames"), "still-image specs keep their old JSON");
        assertEquals(4, still.steps());
    }

    @Test
    void theReluTwinRunsEveryFrameAndCountsThem() {
        ModelSpec twin = events(4, LifSpec.of(4)).withActivation(new Relu());
        assertEquals(4, twin.steps());
        long perStep = DenseOperations.total(DenseOperations.of(twin));
        assertEquals(4 * perStep, DenseOperations.perImage(twin));
        // The stem sees 2 channels per step: 32 x 34 x 34 outputs x 2 x 3 x 3.
        assertEquals(32L * 34 * 34 * 2 * 9, DenseOperations.of(twin).getFirst().macs());
    }

    @Test
    void mismatchedFramesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> events(4, LifSpec.of(10)));
        assertTrue(e.getMessage().contains("needs T=4, got T=10"), e.getMessage());
        ModelSpec spec = events(4, LifSpec.of(4));
        e = assertThrows(IllegalArgumentException.class, () -> new ModelSpec(spec.arch(), new Shape(6, 34, 34), 10,
                spec.activation(), spec.graph(), 4, spec.task()));
        assertTrue(e.getMessage().contains("4 input frames do not divide"), e.getMessage());
    }
}
