package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.ibrasnn.cli.Refused.assertRefused;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile numbers: a batch too large for this machine is refused with the estimate before anything is allocated, and
 * a negative or zero count is refused naming its option, by every command that takes one; nothing under {@code --out},
 * beside a {@code --json} target or beside the model changes.
 */
class HostileOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aHugeBatchIsRefusedWithTheEstimateAndTheLimit() throws Exception {
        Path data = TinyFashionMnist.write(dir.resolve("data"), 60000, 16, 0);
        Path out = dir.resolve("run");
        DirSnapshot before = DirSnapshot.of(dir);
        assertRefused(run("train", "--root", data.toString(), "--arch", "resnet-wide", "--T", "4", "--batch",
                "10000000", "--epochs", "1", "--out", out.toString()),
                "--batch: training in batches of 60000 images (batch size 10000000, 60000 training images) needs about ",
                " bytes) of memory this machine has; use a smaller batch size");
        before.assertUnchanged("huge --batch");
        assertFalse(Files.exists(out));
    }

    @Test
    void negativeAndZeroCountsAreRefusedNamingTheOption() throws Exception {
        TinyRun tiny = TinyRun.get();
        String model = tiny.model().toString();
        String json = dir.resolve("out.json").toString();
        Path out = dir.resolve("out");
        List<List<String>> cases = List.of(
                List.of("--epochs", "0"), List.of("--epochs", "-1"), List.of("--batch", "0"), List.of("--batch", "-16"),
                List.of("--train-limit", "-1"), List.of("--lr", "-0.1"), List.of("--lr", "0"),
                List.of("--average", "1"), List.of("--average", "-0.5"), List.of("--average", "NaN"),
                List.of("--clip", "-1"), List.of("--clip", "NaN"), List.of("--clip", "Infinity"));
        DirSnapshot beside = DirSnapshot.of(dir);
        DirSnapshot run = DirSnapshot.of(tiny.run());
        for (List<String> c : cases) {
            assertRefused(run(tiny.train(out, false, c.get(0), c.get(1))), c.get(0) + " must be ", "got " + c.get(1));
            assertRefused(run("ablation", "figure3", c.get(0), c.get(1), "--out", out.toString()),
                    c.get(0) + " must be ", "got " + c.get(1));
        }
        for (String[] args : List.of(
                new String[] {"eval", "--model", model, "--limit", "-1", "--json", json},
                new String[] {"infer", "--model", model, "--limit", "-5", "--json", json},
                new String[] {"infer", "--model", model, "--threads", "0", "--json", json},
                new String[] {"infer", "--model", model, "--threads", "-2", "--json", json},
                new String[] {"energy", "--model", model, "--limit", "-1", "--json", json},
                new String[] {"convert", "--ann", model, "--compare", "--limit", "-1", "--json", json},
                new String[] {"convert", "--ann", model, "--calibrate", "-1", "--out", json},
                new String[] {"ablation", "figure3", "--epochs", "0", "--out", out.toString()},
                new String[] {"ablation", "figure3", "--train-limit", "-1", "--out", out.toString()},
                new String[] {"ablation", "figure3", "--test-limit", "-1", "--out", out.toString()},
                new String[] {"quickstart", "--epochs", "0", "--out", out.toString()})) {
            String option = args[args.length - 4];
            assertRefused(run(args), option + " must be >= ", "got " + args[args.length - 3]);
        }
        beside.assertUnchanged("refused counts");
        run.assertUnchanged("refused counts");
    }
}
