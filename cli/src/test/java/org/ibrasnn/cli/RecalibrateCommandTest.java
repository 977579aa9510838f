package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.djl.train.BatchNormRecalibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ibra recalibrate} on the shared tiny run: a file eval reads, and one-line refusals that write nothing. */
class RecalibrateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheModelWithNewStatisticsThatEvalReads() throws Exception {
        TinyRun tiny = TinyRun.get();
        Path out = dir.resolve("recalibrated.safetensors");
        CliRun o = run("recalibrate", "--model", tiny.model().toString(), "--root", tiny.data().toString(),
                "--images", "32", "--batch", "16", "--out", out.toString()).succeeded();
        assertTrue(o.out().contains("first 32 training images") && o.out().contains(out.toString()), o.out());
        ModelFile before = ModelFile.read(tiny.model());
        ModelFile after = ModelFile.read(out);
        assertTrue(after.provenance().containsKey(BatchNormRecalibration.PROVENANCE), after.provenance().toString());
        assertFalse(Arrays.equals(before.tensors().get("stem.bn.running_var").toArray(),
                after.tensors().get("stem.bn.running_var").toArray()), "the statistics were not replaced");
        assertEquals(Arrays.toString(before.tensors().get("stem.conv.weight").toArray()),
                Arrays.toString(after.tensors().get("stem.conv.weight").toArray()));
        CliRun eval = run("eval", "--model", out.toString(), "--root", tiny.data().toString()).succeeded();
        assertNotEquals(-1, eval.out().indexOf("accuracy"), eval.out());
    }

    @Test
    void badOptionsAreNamedAndNothingIsWritten() throws Exception {
        TinyRun tiny = TinyRun.get();
        Path out = dir.resolve("x.safetensors");
        String model = tiny.model().toString();
        String root = tiny.data().toString();
        refused(run("recalibrate", "--model", model, "--root", root, "--images", "40", "--batch", "16", "--out",
                out.toString()), "--images 40 is not a multiple of --batch 16");
        refused(run("recalibrate", "--model", model, "--root", root, "--batch", "1", "--out", out.toString()),
                "--batch must be >= 2");
        refused(run("recalibrate", "--model", model, "--root", root, "--images", "128", "--batch", "16", "--out",
                out.toString()), "holds 64 images, fewer than the 128");
        refused(run("recalibrate", "--model", model, "--root", root, "--out", model),
                "--out " + model + " is the input model (--model); name another file");
        assertFalse(Files.exists(out), "nothing written on bad input");
    }

    private static void refused(CliRun o, String words) {
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(words), "'" + o.err() + "' should mention " + words);
    }
}
