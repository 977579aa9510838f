package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.LoadOptions;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.djl.train.Recipe;
import org.ibrasnn.djl.train.TrainingListener;
import org.ibrasnn.djl.train.TrainingRun;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.experiments.report.TrainingReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a real (tiny) training run renders in headless Chromium (Debian's {@code chromium},
 * installed by {@code scripts/install-deps.sh test}) to a full-width screenshot without a console message.
 * A missing Chromium fails the test.
 */
class ReportRenderingTest {

    @TempDir
    Path dir;

    @Test
    void theReportRendersInChromiumWithoutConsoleMessages() throws Exception {
        Splits data = FashionMnist.loadFrom(FashionMnist.SYSTEM_DIR);
        Path run = dir.resolve("run");
        TrainingRun.execute(new TrainingRun.Plan(Architectures.build("resnet-tiny", data.train().shape(), 10,
                IbraLifSpec.paperDefault(1)), Recipe.quick(1).withEpochs(2), data.train().head(256),
                data.test().head(40), run, false, Map.of()), TrainingListener.NONE);
        Path page = TrainingReport.open(run).write(DatasetRecord.of("fashion-mnist", LoadOptions.defaults()), data, 40,
                null, Progress.NONE);

        Path shot = dir.resolve("shot.png");
        Path log = dir.resolve("chromium.log");
        Process chromium = new ProcessBuilder(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"),
                "--enable-logging=stderr", "--v=0", "--window-size=1100,5000", "--screenshot=" + shot,
                page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 120 s");
        List<String> console = Files.readAllLines(log).stream().filter(l -> l.contains(":CONSOLE")).toList();
        assertEquals(List.of(), console, "console messages while rendering the report");
        assertTrue(Files.exists(shot) && Files.size(shot) > 20_000, "screenshot missing or blank: " + shot);
        BufferedImage screenshot = ImageIO.read(shot.toFile());
        assertEquals(1100, screenshot.getWidth());
    }

    private static String chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new AssertionError("Chromium is not installed: run scripts/install-deps.sh test (Debian package chromium)");
    }
}
