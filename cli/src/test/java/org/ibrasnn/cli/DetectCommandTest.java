package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.ibrasnn.cli.Refused.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ibra detect} on a tiny detector and a generated scene: the printed detections, the picture, refusals. */
class DetectCommandTest {

    /** {@code class-name score x y w h}, as the command prints a detection. */
    private static final Pattern LINE = Pattern.compile(
            "(\\S.*?)\\s+(\\d\\.\\d{4})\\s+(-?\\d+\\.\\d{2})\\s+(-?\\d+\\.\\d{2})\\s+(\\d+\\.\\d{2})\\s+(\\d+\\.\\d{2})");
    private static final Pattern HEADER = Pattern.compile("(\\d+) detections scoring at least .*");

    @TempDir
    Path dir;

    @Test
    void printsTheDetectionsAndDrawsThemOnAPictureBesideTheInput() throws Exception {
        TinyDetector tiny = TinyDetector.get();
        Path scene = Files.copy(tiny.testPicture(0), dir.resolve("scene.png"));
        CliRun done = run("detect", "--model", tiny.model().toString(), "--image", scene.toString(),
                "--min-score", "0.3", "--root", tiny.scenes().toString()).succeeded();
        List<String[]> detections = detections(done.out());
        assertFalse(detections.isEmpty(), "the untrained detector finds boxes at 0.3: " + done.out());
        for (String[] d : detections) {
            assertTrue(FashionMnist.CLASS_NAMES.contains(d[0]), "a class name of the dataset: " + d[0]);
            double score = Double.parseDouble(d[1]);
            assertTrue(score >= 0.3 && score <= 1, "score " + score);
        }
        assertFalse(done.err().contains("class K"), "the dataset's names were found: " + done.err());
        Path picture = dir.resolve("scene-detections.png");
        BufferedImage drawn = ImageIO.read(picture.toFile());
        assertEquals(512, drawn.getWidth(), "64 px scaled 8x by default");
        assertEquals(512, drawn.getHeight());
        assertTrue(done.out().contains("picture: " + picture + " (512x512)"), done.out());
    }

    @Test
    void denseRunsDjlAndScaleAndOutAreHonouredAndWithoutTheDatasetClassesAreNumbered() throws Exception {
        String data = System.getenv("IBRA_DATA");
        assumeTrue(data == null || !Files.exists(Path.of(data, "coco")), "no coco set in a default place");
        TinyDetector tiny = TinyDetector.get();
        Path picture = dir.resolve("drawn/out.png");
        CliRun done = run("detect", "--model", tiny.model().toString(), "--image", tiny.testPicture(1).toString(),
                "--out", picture.toString(), "--scale", "2", "--min-score", "0.3", "--dense").succeeded();
        BufferedImage drawn = ImageIO.read(picture.toFile());
        assertEquals(128, drawn.getWidth());
        assertEquals(128, drawn.getHeight());
        List<String[]> detections = detections(done.out());
        assertFalse(detections.isEmpty(), done.out());
        assertTrue(detections.stream().allMatch(d -> d[0].matches("class \\d")), done.out());
        assertTrue(done.err().contains("classes named 'class K'"), done.err());
    }

    @Test
    void aMissingPictureIsRefusedNamingIt() throws Exception {
        Path missing = dir.resolve("missing.png");
        assertRefused(run("detect", "--model", TinyDetector.get().model().toString(), "--image", missing.toString()),
                missing.toString(), "not found");
    }

    @Test
    void aPictureOfAnotherSizeIsRefusedNamingTheFileAndBothSizes() throws Exception {
        Path small = dir.resolve("small.png");
        ImageIO.write(new BufferedImage(32, 48, BufferedImage.TYPE_BYTE_GRAY), "png", small.toFile());
        CliRun refused = run("detect", "--model", TinyDetector.get().model().toString(), "--image", small.toString());
        assertRefused(refused, small.toString(), "32x48", "64x64");
        assertFalse(Files.exists(dir.resolve("small-detections.png")));
    }

    @Test
    void aClassifierIsRefusedNamingTheModelFile() throws Exception {
        ModelSpec spec = Architectures.build("resnet-tiny", new Shape(1, 28, 28), 10, new IbraLifSpec(5.11, 100, 0.25, 1));
        Path classifier = dir.resolve("classifier.safetensors");
        new ModelFile("training", spec, Map.of(), HostileModelCommandsTest.tensors(spec, Map.of())).write(classifier);
        Path scene = TinyDetector.get().testPicture(0);
        assertRefused(run("detect", "--model", classifier.toString(), "--image", scene.toString()),
                classifier.toString(), "classify", "detect");
        assertRefused(run("eval", "--model", classifier.toString(), "--detections", dir.resolve("d.json").toString()),
                "--detections", classifier.toString(), "classify");
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() throws Exception {
        TinyDetector tiny = TinyDetector.get();
        Path scene = Files.copy(tiny.testPicture(0), dir.resolve("scene.png"));
        String model = tiny.model().toString();
        assertRefused(run("detect", "--model", model, "--image", scene.toString(), "--out", scene.toString()),
                "--out", "input picture");
        assertRefused(run("detect", "--model", model, "--image", scene.toString(), "--min-score", "1.5"),
                "--min-score");
        assertRefused(run("detect", "--model", model, "--image", scene.toString(), "--scale", "0"), "--scale");
        assertRefused(run("detect", "--model", model, "--image", scene.toString(), "--out", dir.toString()),
                "--out", dir.toString(), "directory");
    }

    /** The printed detections as {name, score, x, y, w, h}; the header's count must match them. */
    private static List<String[]> detections(String out) {
        List<String> lines = out.lines().toList();
        int header = 0;
        while (header < lines.size() && !HEADER.matcher(lines.get(header)).matches()) {
            header++;
        }
        assertTrue(header < lines.size(), "a header line: " + out);
        Matcher h = HEADER.matcher(lines.get(header));
        assertTrue(h.matches());
        int count = Integer.parseInt(h.group(1));
        List<String[]> parsed = lines.subList(header + 1, header + 1 + count).stream().map(l -> {
            Matcher m = LINE.matcher(l);
            assertTrue(m.matches(), "a detection line: '" + l + "'");
            return new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)};
        }).toList();
        assertTrue(lines.get(header + 1 + count).startsWith("picture: "), "nothing between: " + out);
        return parsed;
    }
}
