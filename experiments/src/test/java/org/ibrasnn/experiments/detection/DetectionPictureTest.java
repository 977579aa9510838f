package org.ibrasnn.experiments.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.task.detection.DetectionBox;
import org.ibrasnn.core.task.detection.GroundTruthBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picture of detections: scale, outlines in the class colour, the score cut, labels kept inside. */
class DetectionPictureTest {

    private static final Shape SHAPE = new Shape(1, 16, 16);

    @TempDir
    Path dir;

    @Test
    void scaleBringsThePictureNear512Pixels() {
        assertEquals(8, DetectionPicture.scaleFor(new Shape(1, 64, 64)));
        assertEquals(16, DetectionPicture.scaleFor(new Shape(3, 32, 28)));
        assertEquals(1, DetectionPicture.scaleFor(new Shape(3, 640, 480)));
        assertEquals(1, DetectionPicture.scaleFor(new Shape(3, 2000, 2000)));
    }

    @Test
    void detectionsAtOrAboveTheScoreAreOutlinedInTheirColourAndTruthInWhite() throws Exception {
        float[] black = new float[SHAPE.size()];
        DetectionBox kept = new DetectionBox(0, 3, 8, 8, 6, 6, 0.5);
        DetectionBox dropped = new DetectionBox(0, 4, 1, 9, 4, 4, 0.49);
        GroundTruthBox truth = GroundTruthBox.of(0, 1, 2, 2, 4, 4);
        BufferedImage drawn = DetectionPicture.draw(black, SHAPE, List.of(kept, dropped), List.of(truth),
                List.of("a", "b", "c", "d", "e"), 0.5, 4);
        assertEquals(64, drawn.getWidth());
        assertEquals(64, drawn.getHeight());
        int colour = DetectionPicture.colour(3).getRGB() & 0xFFFFFF;
        assertEquals(colour, drawn.getRGB(14 * 4, 12 * 4) & 0xFFFFFF, "right edge of the kept box");
        assertEquals(0, drawn.getRGB(9 * 4 + 2, 12 * 4 + 2) & 0xFFFFFF, "the inside stays the image");
        assertEquals(0, drawn.getRGB(4, 11 * 4) & 0xFFFFFF, "the box below the score is not drawn");
        assertEquals(0xFFFFFF, drawn.getRGB(2 * 4, 2 * 4 + 1) & 0xFFFFFF, "truth's dashed outline starts white");

        Path file = dir.resolve("out.png");
        DetectionPicture.writePng(file, drawn);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(drawn.getRGB(14 * 4, 12 * 4), read.getRGB(14 * 4, 12 * 4));
    }

    @Test
    void theLabelOfABoxLeavingThePictureIsDrawnInsideIt() {
        DetectionBox outside = new DetectionBox(0, 2, -20, -20, 30, 30, 0.9);
        BufferedImage drawn = DetectionPicture.draw(new float[SHAPE.size()], SHAPE, List.of(outside), List.of(),
                List.of(), 0, 4);
        int colour = DetectionPicture.colour(2).getRGB() & 0xFFFFFF;
        assertEquals(colour, drawn.getRGB(0, 0) & 0xFFFFFF, "the label's background at the picture's corner");
        assertNotEquals(0, drawn.getRGB(1, 1) & 0xFFFFFF);
    }
}
