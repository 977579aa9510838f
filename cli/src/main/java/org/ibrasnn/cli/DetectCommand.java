package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.ibrasnn.core.data.DatasetNotFoundException;
import org.ibrasnn.core.data.PictureInput;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.task.Detection;
import org.ibrasnn.core.task.detection.DetectionBox;
import org.ibrasnn.experiments.detection.DetectionPicture;
import org.ibrasnn.experiments.detection.PictureDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra detect}: a detector's boxes on one picture, printed and drawn. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Run a detection model on one picture (PNG, JPEG or any format ImageIO reads; grey or RGB, "
                + "converted to the model's input channels, of the model's input size), print one line per detection "
                + "scoring at least --min-score (class, score, box x y w h in pixels) and draw them on the picture.",
            "Class names come from the model's dataset (its recorded one, or --dataset/--root) when it is found; "
                + "else classes are named 'class K'."})
final class DetectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOptions data = new DatasetOptions();

    @Option(names = "--model", required = true, description = "Detection model file (training or inference).")
    private Path model;

    @Option(names = "--image", required = true, description = "The picture to detect objects in.")
    private Path image;

    @Option(names = "--out", description = "Picture to write with the detections drawn (PNG; default: "
            + "IMAGE's name with -detections.png, beside it).")
    private Path out;

    @Option(names = "--min-score", defaultValue = "0.25",
            description = "Print and draw detections scoring at least this (default: ${DEFAULT-VALUE}).")
    private double minScore;

    @Option(names = "--scale", description = "Enlarge the drawn picture K times (default: to about "
            + DetectionPicture.TARGET_SIDE + " px on its longer side).")
    private Integer scale;

    @Option(names = "--dense", description = "Run DJL's dense training form instead of the spike-driven runtime "
            + "(training model files only).")
    private boolean dense;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast("--scale", scale, 1);
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("--min-score must be in [0, 1], got " + minScore);
        }
        ModelFile file = ModelFile.read(model);
        try {
            PictureDetector.requireDetector(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(model + ": " + e.getMessage() + "; ibra detect needs one", e);
        }
        Path picture = out != null ? out : defaultOut(image);
        OptionChecks.distinctFiles("--out", picture, image, "input picture");
        try {
            AtomicFiles.requireWritable(picture);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out: " + e.getMessage(), e);
        }
        Shape shape = file.spec().input();
        float[] pixels = PictureInput.read(image, shape);
        List<String> names = classNames(file);
        List<DetectionBox> found;
        try {
            found = PictureDetector.detect(file, pixels, dense);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(model + ": " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        List<DetectionBox> shown = found.stream().filter(d -> d.score() >= minScore).toList();
        stdout.printf("%d detections scoring at least %s (of %d above %s) in %s:%n", shown.size(), minScore,
                found.size(), Detection.CONFIDENCE, image);
        for (DetectionBox d : shown) {
            stdout.printf(Locale.ROOT, "%-16s %.4f  %7.2f %7.2f %7.2f %7.2f%n", names.get(d.categoryId()), d.score(),
                    d.x(), d.y(), d.w(), d.h());
        }
        int k = scale != null ? scale : DetectionPicture.scaleFor(shape);
        DetectionPicture.writePng(picture, DetectionPicture.draw(pixels, shape, shown, List.of(), names, minScore, k));
        stdout.printf("picture: %s (%dx%d)%n", picture, shape.width() * k, shape.height() * k);
        return 0;
    }

    /** IMAGE's name without its extension, with {@code -detections.png}, in IMAGE's folder. */
    static Path defaultOut(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return image.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-detections.png");
    }

    /** The class names of the model's dataset when it is found, else "class K"; a note says which. */
    private List<String> classNames(ModelFile file) throws IOException {
        int classes = file.spec().classes();
        data.defaultTo("coco");
        String why;
        try {
            List<String> names = data.loadFor(file).classNames();
            if (names.size() == classes) {
                return names;
            }
            why = "its dataset has " + names.size() + " classes, the model " + classes;
        } catch (DatasetNotFoundException e) {
            why = e.getMessage();
        }
        spec.commandLine().getErr().println("ibra: note: classes named 'class K' (" + why + ")");
        return IntStream.range(0, classes).mapToObj(c -> "class " + c).toList();
    }
}
