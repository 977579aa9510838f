package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.junit.jupiter.api.Test;

/** The up-front bound of a training batch's memory, against a given machine and heap. */
class TrainingMemoryTest {

    private final ModelSpec spec = TinyData.spec(IbraLifSpec.paperDefault(4));

    @Test
    void refusesABatchLargerThanTheMachineWithTheFigures() {
        // per image and step: input 64 + conv 256 + bn 256 + spike 256 + flatten 256 + fc 2 = 1090 values
        long needed = 4L * TrainingMemory.AUTOGRAD_FACTOR * 1090 * 4 * 1000;
        PlanRefusedException e = assertThrows(PlanRefusedException.class,
                () -> TrainingMemory.check(spec, 1000, 5000, needed - 1, 1L << 40, 1L << 40));
        assertEquals("batch_size", e.setting());
        assertTrue(e.getMessage().contains("batches of 1000 images") && e.getMessage().contains("(" + needed + " bytes)")
                && e.getMessage().contains("(" + (needed - 1) + " bytes) of memory"), e.getMessage());
        assertDoesNotThrow(() -> TrainingMemory.check(spec, 1000, 5000, needed, 1L << 40, 1L << 40));
        assertDoesNotThrow(() -> TrainingMemory.check(spec, 100_000_000, 1000, needed, 1L << 40, 1L << 40),
                "a batch is never larger than the training set");
    }

    @Test
    void refusesAnInputBufferLargerThanTheHeapOrTheDirectMemory() {
        PlanRefusedException e = assertThrows(PlanRefusedException.class,
                () -> TrainingMemory.check(spec, 1000, 5000, Long.MAX_VALUE, 4L * 64 * 1000 - 1, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("input buffer") && e.getMessage().contains("-Xmx"), e.getMessage());
        e = assertThrows(PlanRefusedException.class,
                () -> TrainingMemory.check(spec, 1000, 5000, Long.MAX_VALUE, Long.MAX_VALUE, 4L * 64 * 1000 - 1));
        assertTrue(e.getMessage().contains("MaxDirectMemorySize"), e.getMessage());
        assertDoesNotThrow(() -> TrainingMemory.check(spec, 1000, 5000, Long.MAX_VALUE, 4L * 64 * 1000,
                4L * 64 * 1000));
    }
}
