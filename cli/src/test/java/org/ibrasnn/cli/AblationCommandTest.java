package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import javax.imageio.ImageIO;
import org.ibrasnn.experiments.report.Charts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ibra ablation} writes, reuses and guards its directory. */
class AblationCommandTest {

    @TempDir
    Path dir;

    @Test
    void figure3WritesTablesChartAndReusesFinishedModels() throws Exception {
        Path out = dir.resolve("abl");
        String[] args = {"ablation", "figure3", "--epochs", "1", "--train-limit", "128", "--test-limit", "32",
            "--out", out.toString()};
        run(args).succeeded();
        String md = Files.readString(out.resolve("figure3.md"));
        assertTrue(md.contains("IB-LIF (D=15") && md.contains("IBRA-LIF (D=1.5, N=10)") && md.contains("head.neuron"), md);
        assertTrue(Files.readString(out.resolve("figure3.json")).contains("\"count_histograms\""));
        var png = ImageIO.read(out.resolve("figure3.png").toFile());
        assertNotNull(png);
        assertEquals(2 * Charts.WIDTH, png.getWidth(), "two histograms side by side");

        Path model = out.resolve("iblif-b4-t1").resolve("model.safetensors");
        FileTime trained = Files.getLastModifiedTime(model);
        run(args).succeeded();
        assertEquals(trained, Files.getLastModifiedTime(model), "a finished model is reused, not retrained");

        CliRun refused = run("ablation", "figure3", "--epochs", "1", "--train-limit", "128", "--test-limit", "32",
                "--seed", "2", "--out", out.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("other settings"), refused.err());
        refused = run("ablation", "table9", "--out", out.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("unknown ablation 'table9'"), refused.err());
    }
}
