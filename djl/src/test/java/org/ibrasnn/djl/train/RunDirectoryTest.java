package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.junit.jupiter.api.Test;

/** What a run writes at most, against the space left on its file system. */
class RunDirectoryTest {

    @Test
    void aFileSystemWithoutRoomForTheCheckpointIsRefusedWithTheFigures() {
        // conv 4x1x3x3 = 36, bn 4 x 4 = 16, fc 2x256 + 2 = 514: 566 values; SGD: model + 2 x (weights + momentum)
        Recipe sgd = new Recipe("test", 1, 16, OptimizerKind.SGD, 0.1f, 0.9f, 0f, 0f, 0f, 0, false, 0f, 0f, 0f, 1);
        long bytes = RunDirectory.bytesWritten(TinyData.spec(IbraLifSpec.paperDefault(1)), sgd);
        assertEquals(4L * 566 * 5, bytes);
        assertEquals(4L * 566 * 7, RunDirectory.bytesWritten(TinyData.spec(IbraLifSpec.paperDefault(1)),
                sgd.withAveraging(0.9f)), "plus the averages, in both checkpoint copies");
        Path out = Path.of("runs", "full");
        PlanRefusedException e = assertThrows(PlanRefusedException.class,
                () -> RunDirectory.requireSpace(out, bytes, bytes - 1));
        assertEquals(PlanRefusedException.RUN_DIRECTORY, e.setting());
        assertTrue(e.getMessage().contains("run directory " + out + " is on a file system with")
                && e.getMessage().contains("(" + (bytes - 1) + " bytes) free, but the run writes up to"), e.getMessage());
        assertDoesNotThrow(() -> RunDirectory.requireSpace(out, bytes, bytes));
    }
}
