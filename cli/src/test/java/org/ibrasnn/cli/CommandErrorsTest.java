package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees for bad input: one clear line, exit code 2, and nothing written under --out. */
class CommandErrorsTest {

    @TempDir
    Path dir;

    private CliRun train(String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--out", dir.resolve("run").toString(), "--epochs", "1"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private void rejected(CliRun o, String... words) {
        assertEquals(2, o.code(), o.err());
        for (String w : words) {
            assertTrue(o.err().contains(w), "'" + o.err() + "' should mention " + w);
        }
        assertFalse(Files.exists(dir.resolve("run")), "nothing may be written under --out");
    }

    @Test
    void badNeuronSettings() {
        rejected(train("--neuron", "relu6"), "unknown neuron 'relu6'");
        rejected(train("--neuron", "ibra", "--D", "5.111", "--N", "100"), "D*N must be an integer", "D=5.111", "N=100");
        rejected(train("--neuron", "ibra", "--N", "0"), "N=0");
        rejected(train("--neuron", "ibra", "--T", "0"), "T=0");
        rejected(train("--neuron", "ilif", "--D", "2.5"), "integer D", "D=2.5");
        rejected(train("--neuron", "lif", "--alpha", "1.5"), "alpha=1.5");
        rejected(train("--neuron", "ibra", "--D", "50000", "--N", "100", "--train-limit", "256"), "D*N = 5000000",
                "4194304");
    }

    @Test
    void unknownArchitectureAndRecipe() {
        rejected(train("--arch", "resnet50"), "unknown architecture 'resnet50'", "resnet-tiny");
        rejected(train("--recipe", "slow"), "unknown recipe 'slow'");
    }

    @Test
    void missingDataset() {
        rejected(train("--root", dir.resolve("nowhere").toString()), "nowhere: the dataset root does not hold the Fashion-MNIST files");
        rejected(train("--dataset", "imagenet"), "unknown dataset 'imagenet'");
    }

    @Test
    void evalNamesABrokenModelFile() throws Exception {
        Path bogus = Files.writeString(dir.resolve("model.safetensors"), "not a model");
        CliRun o = run("eval", "--model", bogus.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(bogus.toString()) && o.err().contains("header length"), o.err());
    }

    @Test
    void trainRefusesARunDirectoryThatHoldsARunAndNamesTheFlags() throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Path model = Files.writeString(run.resolve("model.safetensors"), "finished");
        CliRun o = train();
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--out: run directory " + run + " already holds a finished model"), o.err());
        assertEquals("finished", Files.readString(model), "the finished model is left alone");
    }

    @Test
    void energyNeedsExactlyOneSource() {
        CliRun neither = run("energy", "--arch", "resnet18-cifar", "--input", "3x32x32");
        assertEquals(2, neither.code(), neither.err());
        assertTrue(neither.err().contains("exactly one of --ann"), neither.err());
        CliRun badShape = run("energy", "--ann", "--arch", "resnet18-cifar", "--input", "32x32");
        assertTrue(badShape.err().contains("CxHxW"), badShape.err());
    }

    private static final List<String> COMMANDS = List.of("version", "data", "train", "eval", "export", "infer",
            "energy", "convert", "ablation", "report", "quickstart");

    @Test
    void everyCommandHasHelp() {
        for (String command : COMMANDS) {
            CliRun o = run(command, "--help");
            assertEquals(0, o.code(), command);
            assertTrue(o.out().startsWith("Usage: ibra " + command), o.out());
        }
        CliRun check = run("data", "check", "--help");
        assertTrue(check.out().contains("--root"), check.out());
        CliRun top = run("--help");
        for (String command : COMMANDS) {
            assertTrue(top.out().contains("  " + command + " "), top.out());
        }
    }
}
