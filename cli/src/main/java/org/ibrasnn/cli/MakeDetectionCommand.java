package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.ibrasnn.core.data.SceneSettings;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.data.SyntheticScenes;
import org.ibrasnn.core.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra data make-detection}: synthetic detection scenes of Fashion-MNIST garments as a COCO set. */
@Command(name = "make-detection", mixinStandardHelpOptions = true,
        description = "Compose synthetic detection scenes of Fashion-MNIST garments and write them as COCO sets: "
                + "DIR/train/images/NNNNNN.png with DIR/train/instances_train.json (from the train split), and "
                + "DIR/test/images/NNNNNN.png with DIR/test/instances_test.json (from the test split). The defaults "
                + "are the reference scenes: 64x64 grey canvas, black background, 1-4 garments per scene, each "
                + "scaled (triangle filter: area-weighted when shrinking, bilinear when enlarging) to a random "
                + "square side of 16-48 px and placed fully inside with IoU < 0.3 against the boxes already placed "
                + "(100 tries, then the scene stops growing), combined by pixel-wise maximum, boxes tight to each "
                + "garment's non-zero pixels. The settings used are printed and recorded in each JSON's info "
                + "block; the same seed gives byte-identical files. The JSON is written last, so an interrupted "
                + "run leaves no set a reader accepts; rerunning writes it all again.")
final class MakeDetectionCommand implements Callable<Integer> {

    private static final Map<String, String> OPTION_OF = Map.of("canvas", "--canvas", "minSide", "--min-side",
            "maxSide", "--max-side", "maxObjects", "--max-objects", "maxIou", "--max-iou", "trainScenes",
            "--train-scenes", "testScenes", "--test-scenes");

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source = new SourceOptions();

    @Option(names = "--out", required = true, description = "Directory to write.")
    private Path out;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--train-scenes", defaultValue = "20000", description = "Train scenes (default: ${DEFAULT-VALUE}).")
    private int trainScenes;

    @Option(names = "--test-scenes", defaultValue = "2000", description = "Test scenes (default: ${DEFAULT-VALUE}).")
    private int testScenes;

    @Option(names = "--canvas", defaultValue = "64",
            description = "Canvas side in pixels (default: ${DEFAULT-VALUE}).")
    private int canvas;

    @Option(names = "--min-side", defaultValue = "16",
            description = "Smallest garment side (default: ${DEFAULT-VALUE}).")
    private int minSide;

    @Option(names = "--max-side", defaultValue = "48",
            description = "Largest garment side (default: ${DEFAULT-VALUE}).")
    private int maxSide;

    @Option(names = "--max-objects", defaultValue = "4",
            description = "Most garments per scene, the count drawn uniformly from 1 (default: ${DEFAULT-VALUE}).")
    private int maxObjects;

    @Option(names = "--max-iou", defaultValue = "0.3",
            description = "A garment's box has IoU below this with every box placed before it (default: "
                    + "${DEFAULT-VALUE}).")
    private double maxIou;

    @Override
    public Integer call() throws IOException {
        source.check();
        SceneSettings settings;
        try {
            settings = new SceneSettings(canvas, minSide, maxSide, maxObjects, maxIou, trainScenes, testScenes, seed);
        } catch (SceneSettings.InvalidSetting e) {
            throw new IllegalArgumentException(OPTION_OF.get(e.setting()) + ": " + e.getMessage(), e);
        }
        for (SyntheticScenes.Split split : SyntheticScenes.Split.values()) {
            AtomicFiles.requireWritable(SyntheticScenes.instancesFile(out.resolve(split.label()), split.label()));
        }
        Splits splits = source.load();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("settings: %s, limit %d%n", settings.asMap(), source.limit);
        stdout.flush();
        for (SyntheticScenes.Split split : SyntheticScenes.Split.values()) {
            SyntheticScenes.Written written;
            int scenes = split == SyntheticScenes.Split.TRAIN ? settings.trainScenes() : settings.testScenes();
            try (ProgressBar bar = ConsoleProgress.bar("scenes " + split.label(), scenes)) {
                written = SyntheticScenes.write(splits, source.from, source.limit, settings, split, out,
                        bar::stepTo);
            }
            stdout.printf("%s: %d scenes, %d garments -> %s%n", written.split(), written.scenes(), written.garments(),
                    written.instances());
        }
        return 0;
    }
}
