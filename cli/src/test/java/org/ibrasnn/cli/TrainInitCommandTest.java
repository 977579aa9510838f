package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.ibrasnn.cli.Refused.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Sha256;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ibra train --init}: fine-tuning starts from a model file, and contradicting options are refused. */
class TrainInitCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsFromTheFileAndRecordsIt() throws Exception {
        TinyRun tiny = TinyRun.get();
        Path out = dir.resolve("tuned");
        CliRun o = run(tiny.train(out, false, "--init", tiny.model().toString(), "--lr", "0.01")).succeeded();
        assertTrue(o.out().contains("training resnet-tiny with " + IbraLifSpec.paperDefault(1).describe()), o.out());
        ModelFile tuned = ModelFile.read(out.resolve("model.safetensors"));
        assertEquals(tiny.model() + " (sha256 " + Sha256.of(tiny.model()) + ")",
                tuned.provenance().get("initialised_from"));
        assertEquals(ModelFile.read(tiny.model()).spec(), tuned.spec());
    }

    @Test
    void refusesOptionsThatContradictTheFileAndFilesThatCannotStartATraining() throws Exception {
        TinyRun tiny = TinyRun.get();
        Path never = dir.resolve("never");
        String model = tiny.model().toString();
        assertRefused(run(tiny.train(never, false, "--init", model, "--arch", "resnet-wide")),
                "--arch resnet-wide contradicts --init " + model + ", which holds resnet-tiny");
        assertRefused(run(tiny.train(never, false, "--init", model, "--neuron", "ann")),
                "the neuron options (ReLU (ANN)) contradict --init " + model);
        assertRefused(run(tiny.train(never, false, "--init", model, "--D", "4.095", "--N", "1000")),
                "contradict --init");

        Path inference = dir.resolve("inference.safetensors");
        run("export", "--model", model, "--out", inference.toString()).succeeded();
        assertRefused(run(tiny.train(never, false, "--init", inference.toString())), inference.toString(),
                "an initial model must be a training model file", "not kind 'inference'");
        Path missing = dir.resolve("missing.safetensors");
        assertRefused(run(tiny.train(never, false, "--init", missing.toString())), missing.toString());
        assertFalse(Files.exists(never), "a refused run writes nothing");
    }
}
