package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.ibrasnn.experiments.report.Charts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ibra report} on a real (tiny) training run: the page embeds every chart as a decodable PNG and
 * nothing external (integration's {@code ReportRenderingTest} renders such a page in Chromium).
 */
class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportEmbedsEveryChartAsADecodablePng() throws Exception {
        Path runDir = dir.resolve("run");
        run("train", "--epochs", "2", "--train-limit", "256", "--out", runDir.toString()).succeeded();
        run("report", runDir.toString(), "--limit", "40").succeeded();
        String html = Files.readString(runDir.resolve("report.html"));
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(png, "image " + images + " does not decode");
            assertEquals(Charts.WIDTH, png.getWidth());
            images++;
        }
        assertEquals(6, images, "loss, accuracy, firing rate, 1-bits, energy and histogram charts");
        assertTrue(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"),
                "self-contained: no script, no external resource");
    }

    @Test
    void aDirectoryWithoutARunIsNamed() {
        CliRun o = run("report", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("not a finished training run") && o.err().contains("metrics.json"), o.err());
    }
}
