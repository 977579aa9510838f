package org.ibrasnn.experiments.detection;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.task.detection.DetectionBox;

/**
 * The first images of a detection set in rows of {@code columns}, each a {@link DetectionPicture} with its ground
 * truth and detections, on a white canvas with a gap between pictures.
 */
public final class DetectionGrid {

    /** Pixels between two pictures and around the grid. */
    public static final int GAP = 8;

    private DetectionGrid() {}

    /**
     * The first {@code predictions.size()} images of {@code images} (predictions by image index) at {@code scale}x,
     * with the detections scoring at least {@code minScore}, in rows of {@code columns}.
     */
    public static BufferedImage draw(ImageDataset images, List<List<DetectionBox>> predictions, List<String> classNames,
                                     double minScore, int scale, int columns) {
        if (predictions.isEmpty() || predictions.size() > images.size() || columns < 1) {
            throw new IllegalArgumentException("a grid of " + predictions.size() + " of " + images.size()
                    + " images in " + columns + " columns");
        }
        int count = predictions.size();
        int tileW = images.shape().width() * scale;
        int tileH = images.shape().height() * scale;
        int cols = Math.min(columns, count);
        int rows = (count + cols - 1) / cols;
        BufferedImage grid = new BufferedImage(GAP + cols * (tileW + GAP), GAP + rows * (tileH + GAP),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            float[] chw = new float[images.shape().size()];
            for (int i = 0; i < count; i++) {
                images.copyImages(new int[] {i}, chw);
                BufferedImage tile = DetectionPicture.draw(chw, images.shape(), predictions.get(i), images.boxes(i),
                        classNames, minScore, scale);
                g.drawImage(tile, GAP + (i % cols) * (tileW + GAP), GAP + (i / cols) * (tileH + GAP), null);
            }
        } finally {
            g.dispose();
        }
        return grid;
    }
}
