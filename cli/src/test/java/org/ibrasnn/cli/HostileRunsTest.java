package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.ibrasnn.cli.Refused.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.SafeTensors;
import org.ibrasnn.core.io.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile {@code train} runs: a finished model is never replaced, a resume with other settings or a malformed
 * checkpoint is refused naming the setting or field, a diverging run says where and what it kept, and an unwritable
 * {@code --out} fails before the first batch; in every refused case nothing under {@code --out} changes.
 */
class HostileRunsTest {

    @TempDir
    Path dir;

    private TinyRun tiny;

    @BeforeEach
    void trained() throws Exception {
        tiny = TinyRun.get();
    }

    /** A run directory holding a copy of the shared run's checkpoint only: an interrupted run. */
    private Path interrupted(String name) throws Exception {
        Path out = Files.createDirectories(dir.resolve(name));
        Files.copy(tiny.checkpoint(), out.resolve("checkpoint.safetensors"), StandardCopyOption.COPY_ATTRIBUTES);
        return out;
    }

    private void refusedUnchanged(Path out, String[] args, String... words) {
        DirSnapshot before = DirSnapshot.of(out);
        assertRefused(run(args), words);
        before.assertUnchanged(String.join(" ", args));
    }

    @Test
    void aFinishedModelIsNeverReplaced() throws Exception {
        Path modelOnly = Files.createDirectories(dir.resolve("model-only"));
        Files.copy(tiny.model(), modelOnly.resolve("model.safetensors"), StandardCopyOption.COPY_ATTRIBUTES);
        for (Path out : List.of(modelOnly, tiny.run())) {
            for (boolean resume : new boolean[] {true, false}) {
                refusedUnchanged(out, tiny.train(out, resume, "--seed", "7"),
                        "--out: run directory " + out + " already holds a finished model (model.safetensors)");
            }
        }
    }

    @Test
    void aResumeWithOtherSettingsIsRefusedNamingTheFirst() throws Exception {
        Path out = interrupted("interrupted");
        Path otherData = TinyFashionMnist.write(dir.resolve("other-data"), 64, 16, 30);
        String file = out.resolve("checkpoint.safetensors") + " was written by a run with ";
        Map<List<String>, String> cases = Map.of(
                List.of("--train-limit", "16"), "--train-limit: " + file + "train_images 32, but this run asks for 16",
                List.of("--seed", "2"), "--seed: " + file + "seed 1, but this run asks for 2",
                List.of("--batch", "8"), "--batch: " + file + "batch_size 16, but this run asks for 8",
                List.of("--epochs", "2"), "--epochs: " + file + "epochs 1, but this run asks for 2",
                List.of("--lr", "0.05"), "--lr: " + file + "learning_rate 0.1, but this run asks for 0.05",
                List.of("--recipe", "full"), "--recipe: " + file + "recipe quick, but this run asks for full",
                List.of("--neuron", "lif"), "--T/--alpha/--threshold/--reset: " + file + "neuron IBRA-LIF(",
                List.of("--root", otherData.toString()), "--root: " + file + "train_data sha256 ");
        cases.forEach((option, message) -> refusedUnchanged(out, tiny.train(out, true, option.get(0), option.get(1)),
                message, "; resume with the same settings, or train into another run directory"));
        Path kept = interrupted("kept");
        run(tiny.train(kept, true)).succeeded();
        Map<String, Tensor> a = ModelFile.read(tiny.model()).tensors();
        Map<String, Tensor> b = ModelFile.read(kept.resolve("model.safetensors")).tensors();
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name).toArray(), b.get(name).toArray(), name + ": the same settings resume");
        }
    }

    @Test
    void malformedCheckpointMetadataIsNamed() throws Exception {
        SafeTensors.Contents good = SafeTensors.read(tiny.checkpoint());
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("history=not json", "'history' is not JSON");
        faults.put("history=null", "'history' is not a JSON array");
        faults.put("history=[{\"epoch\": \"one\"}]", "'history' entry 1 is malformed");
        faults.put("history=[{\"epoch\": 1}]", "'history' entry 1 lacks 'train'");
        faults.put("updates", "lacks 'updates'");
        faults.put("updates=-3", "'updates' is not a count");
        faults.put("settings", "lacks 'settings'");
        faults.put("settings={\"seed\": 1}", "'settings': 'seed' is not a string");
        faults.put("format_version=1", "a checkpoint of version 1");
        faults.put("format", "lacks 'format'");
        for (Map.Entry<String, String> f : faults.entrySet()) {
            Path out = Files.createDirectories(dir.resolve("bad-" + f.getKey().split("=")[0] + "-" + dir.toFile().list().length));
            Map<String, String> meta = new LinkedHashMap<>(good.metadata());
            String[] field = f.getKey().split("=", 2);
            if (field.length == 1) {
                meta.remove(field[0]);
            } else {
                meta.put(field[0], field[1]);
            }
            SafeTensors.write(out.resolve("checkpoint.safetensors"), good.tensors(), meta);
            refusedUnchanged(out, tiny.train(out, true), out.resolve("checkpoint.safetensors") + ": ", f.getValue());
        }
        Path garbage = Files.createDirectories(dir.resolve("garbage"));
        Files.writeString(garbage.resolve("checkpoint.safetensors"), "not a checkpoint");
        refusedUnchanged(garbage, tiny.train(garbage, true), garbage.resolve("checkpoint.safetensors") + ": ");
    }

    @Test
    void aDivergingRunSaysWhereAndWhatWasKept() throws Exception {
        Path fresh = dir.resolve("fresh");
        assertRefused(run(tiny.train(fresh, false, "--lr", "1e38", "--batch", "2")), "training diverged: the loss became",
                "NaN at epoch 1, batch ", "no epoch had finished, so no checkpoint was kept",
                "lower learning rate (--lr, now 1.0E38)");
        assertFalse(Files.exists(fresh), "the run directory it made is gone again");

        Path poisoned = Files.createDirectories(dir.resolve("poisoned"));
        SafeTensors.Contents good = SafeTensors.read(tiny.checkpoint());
        Map<String, Tensor> huge = new LinkedHashMap<>(good.tensors());
        huge.replaceAll((name, t) -> name.startsWith("param/") && name.endsWith("weight") ? filled(t, 3e38f) : t);
        Map<String, String> meta = new LinkedHashMap<>(good.metadata());
        meta.put("settings", meta.get("settings").replace("\"epochs\":\"1\"", "\"epochs\":\"2\""));
        Path checkpoint = poisoned.resolve("checkpoint.safetensors");
        SafeTensors.write(checkpoint, huge, meta);
        refusedUnchanged(poisoned, tiny.train(poisoned, true, "--epochs", "2"), "at epoch 2, batch 1 of 2",
                "the checkpoint of epoch 1 is kept in " + checkpoint, "(--lr, now 0.1)");
    }

    private static Tensor filled(Tensor t, float value) {
        float[] v = new float[t.size()];
        Arrays.fill(v, value);
        return Tensor.of(v, t.shape());
    }

    @Test
    void anUnwritableOrMisplacedRunDirectoryIsRefusedBeforeTraining() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        DirSnapshot beside = DirSnapshot.of(dir);
        assertRefused(run(tiny.train(file, false)), "--out: run directory " + file + " exists and is not a directory");
        assertRefused(run(tiny.train(file.resolve("run"), false)),
                "--out: run directory " + file.resolve("run") + " cannot be created: " + file + " is a file");
        beside.assertUnchanged("--out below a file");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        beside = DirSnapshot.of(dir);
        boolean enforced = !Files.isWritable(locked);
        if (enforced) {
            assertRefused(run(tiny.train(locked.resolve("run"), false)), "--out: run directory "
                    + locked.resolve("run") + " cannot be created: " + locked + " is not writable");
        }
        beside.assertUnchanged("--out in a read-only directory");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path sys = Path.of("/sys/ibra-hostile-run");
        assumeTrue(Files.isDirectory(sys.getParent()), "sysfs, where not even root creates files");
        assertRefused(run(tiny.train(sys, false)),
                "--out: run directory " + sys + " cannot be created: /sys is not writable");
        assertFalse(Files.exists(sys));
    }
}
