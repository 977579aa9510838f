package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibrasnn.core.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ibra train --task detect}: trains spikeyolo-pico-conv with the detect recipe on a coco set by default and records
 * a detector; an architecture of another task, or a dataset of class labels for a detector, is refused in one line
 * before anything is written.
 */
class TrainDetectorCommandTest {

    @TempDir
    Path dir;

    @Test
    void theDetectTaskTrainsSpikeYoloPicoConvOnCocoScenesWithTheDetectRecipe() throws IOException {
        Path scenes = TinyDetector.get().scenes();
        Path out = dir.resolve("run");
        CliRun r = run("train", "--task", "detect", "--root", scenes.toString(), "--epochs", "1", "--batch", "2",
                "--out", out.toString()).succeeded();
        assertTrue(r.out().startsWith("training spikeyolo-pico-conv with IBRA-LIF"), r.out());
        assertTrue(r.out().contains("recipe detect (1 epochs, batch 2, seed 1) on instances_train.json"), r.out());
        assertTrue(r.out().contains("test mAP50_95 "), r.out());
        ModelFile model = ModelFile.read(out.resolve("model.safetensors"));
        assertEquals("detect", model.spec().task().name());
        assertEquals("coco", model.data().dataset());
        assertTrue(Files.readString(out.resolve("metrics.json")).contains("\"box_ciou\""));
    }

    @Test
    void anArchitectureOfAnotherTaskIsRefusedNamingBothOptions() {
        Path out = dir.resolve("run");
        CliRun r = run("train", "--task", "detect", "--arch", "resnet-tiny", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("ibra: --arch resnet-tiny is built for the task 'classify', not for --task detect\n", r.err());
        assertFalse(Files.exists(out));
        CliRun unknown = run("train", "--task", "segment", "--out", out.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("ibra: unknown task 'segment'; known: classify, detect"), unknown.err());
    }

    @Test
    void aDetectorOnClassLabelsIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = dir.resolve("run");
        CliRun r = run("train", "--task", "detect", "--dataset", "fashion-mnist", "--root",
                TinyFashionMnist.write(dir.resolve("fm"), 8, 8, 1).toString(), "--epochs", "1", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("ibra: "), r.err());
        assertTrue(r.err().contains("holds class labels but architecture spikeyolo-pico-conv is built for the task 'detect'"),
                r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out.resolve("model.safetensors")));
    }
}
