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
import org.ibrasnn.core.data.Datasets;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.LoadOptions;
import org.ibrasnn.core.data.SceneSettings;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.data.SyntheticScenes;
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
 * The HTML report of a real (tiny) training run, a classifier's and a detector's, renders in headless Chromium
 * (Debian's {@code chromium}, installed by {@code scripts/install-deps.sh test}) to a full-width screenshot without
 * a console message.
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
        assertRendersCleanly(page);
    }

    @Test
    void aDetectorsReportRendersInChromiumWithoutConsoleMessages() throws Exception {
        Path scenes = dir.resolve("scenes");
        SceneSettings settings = new SceneSettings(64, 16, 48, 3, 0.3, 8, 16, 5);
        for (SyntheticScenes.Split split : SyntheticScenes.Split.values()) {
            SyntheticScenes.write(FashionMnist.loadFrom(FashionMnist.SYSTEM_DIR), "fashion-mnist", 100, settings,
                    split, scenes, done -> { });
        }
        Splits data = Datasets.load("coco", scenes, LoadOptions.defaults());
        Path run = dir.resolve("detector");
        TrainingRun.execute(new TrainingRun.Plan(Architectures.build("spikeyolo-pico", data.train().shape(),
                data.train().classes(), IbraLifSpec.paperDefault(1)), Recipe.detect(1).withEpochs(1).withBatchSize(8),
                data.train(), data.test(), run, false, Map.of()), TrainingListener.NONE);
        Path page = TrainingReport.open(run).write(DatasetRecord.of("coco", LoadOptions.defaults()), data, null, null,
                Progress.NONE);
        assertTrue(Files.readString(page).contains("<h2>Detections</h2>"), "no detection section");
        assertRendersCleanly(page);
    }

    /** Renders {@code page} in headless Chromium to a 1100 px wide screenshot and checks the console stayed silent. */
    private void assertRendersCleanly(Path page) throws Exception {
        Path shot = dir.resolve(page.getParent().getFileName() + "-shot.png");
        Path log = dir.resolve(page.getParent().getFileName() + "-chromium.log");
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
