package org.ibrasnn.experiments.detection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.task.detection.DetectionBox;
import org.ibrasnn.core.task.detection.GroundTruthBox;

/**
 * Draws one image, scaled up by an integer factor (nearest neighbour, so pixels stay visible), with its
 * ground-truth boxes as dashed white outlines and its detections at or above a score as solid outlines in one
 * colour per class, each labelled with the class name and score.
 */
public final class DetectionPicture {

    /** Well-separated colours, one per class (repeating after ten). */
    private static final Color[] PALETTE = {
        new Color(0xE6, 0x19, 0x4B), new Color(0x3C, 0xB4, 0x4B), new Color(0xFF, 0xE1, 0x19),
        new Color(0x43, 0x63, 0xD8), new Color(0xF5, 0x82, 0x31), new Color(0x91, 0x1E, 0xB4),
        new Color(0x46, 0xF0, 0xF0), new Color(0xF0, 0x32, 0xE6), new Color(0xBC, 0xF6, 0x0C),
        new Color(0xFA, 0xBE, 0xBE)};

    /** The size, in pixels of its longer side, that {@link #scaleFor} brings a picture near. */
    public static final int TARGET_SIDE = 512;

    private DetectionPicture() {}

    /** The integer scale that makes a picture of {@code shape} about {@value #TARGET_SIDE} px on its longer side. */
    public static int scaleFor(Shape shape) {
        return Math.max(1, (int) Math.round((double) TARGET_SIDE / Math.max(shape.height(), shape.width())));
    }

    /** Writes {@code picture} to {@code file} as PNG, atomically. */
    public static void writePng(Path file, BufferedImage picture) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(picture, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        });
    }

    /** The colour of class {@code label}. */
    public static Color colour(int label) {
        return PALETTE[Math.floorMod(label, PALETTE.length)];
    }

    /**
     * The picture of {@code chw} (values in [0, 1], 1 grey or 3 RGB planes of {@code shape}) at {@code scale}x, with
     * {@code truths} and the {@code predictions} scoring at least {@code minScore}, named by {@code classNames}.
     */
    public static BufferedImage draw(float[] chw, Shape shape, List<DetectionBox> predictions, List<GroundTruthBox> truths,
                                     List<String> classNames, double minScore, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1, got " + scale);
        }
        int h = shape.height();
        int w = shape.width();
        BufferedImage out = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        int plane = h * w;
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                int p = (y / scale) * w + x / scale;
                int r = level(chw[p]);
                int g = shape.channels() == 3 ? level(chw[plane + p]) : r;
                int b = shape.channels() == 3 ? level(chw[2 * plane + p]) : r;
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float line = Math.max(1f, scale / 2f);
            g.setStroke(new BasicStroke(line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {3 * line, 2 * line}, 0f));
            g.setColor(Color.WHITE);
            for (GroundTruthBox t : truths) {
                g.drawRect((int) Math.round(t.x() * scale), (int) Math.round(t.y() * scale),
                        (int) Math.round(t.w() * scale), (int) Math.round(t.h() * scale));
            }
            g.setStroke(new BasicStroke(line));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(9, 3 * scale)));
            FontMetrics metrics = g.getFontMetrics();
            for (DetectionBox d : predictions) {
                if (d.score() < minScore) {
                    continue;
                }
                int x = (int) Math.round(d.x() * scale);
                int y = (int) Math.round(d.y() * scale);
                g.setColor(colour(d.categoryId()));
                g.drawRect(x, y, (int) Math.round(d.w() * scale), (int) Math.round(d.h() * scale));
                String label = className(classNames, d.categoryId()) + String.format(Locale.ROOT, " %.2f", d.score());
                // The label sits at the box's top left corner, moved inside the picture when the box leaves it.
                int labelWidth = metrics.stringWidth(label) + 2;
                int lx = Math.max(0, Math.min(x, out.getWidth() - labelWidth));
                int top = Math.max(0, Math.min(y, out.getHeight() - metrics.getHeight()));
                g.fillRect(lx, top, labelWidth, metrics.getHeight());
                g.setColor(Color.BLACK);
                g.drawString(label, lx + 1, top + metrics.getAscent() - 1);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The name of class {@code label}, or {@code "class LABEL"} when {@code classNames} has none for it. */
    public static String className(List<String> classNames, int label) {
        return label >= 0 && label < classNames.size() ? classNames.get(label) : "class " + label;
    }

    private static int level(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
