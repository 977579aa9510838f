package org.ibrasnn.core.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Path;

/**
 * A decoded picture's pixels as 8-bit CHW planes, unscaled. Grey pictures give their stored samples (not Java2D's
 * gamma-converted RGB), scaled to 8 bits when they have more; colour pictures give sRGB. One plane is asked of a
 * grey picture only: a colour picture is refused for it. Alpha is dropped.
 */
final class PicturePlanes {

    private PicturePlanes() {}

    /** Writes {@code channels} (1 or 3) planes of {@code image} into {@code dst} from {@code offset}. */
    static void write(Path file, BufferedImage image, int channels, byte[] dst, int offset)
            throws DatasetFormatException {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        if (image.getColorModel().getNumColorComponents() == 1) {
            Raster raster = image.getRaster();
            int bits = image.getColorModel().getComponentSize(0);
            int max = (1 << bits) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = (int) Math.round(raster.getSample(x, y, 0) * 255.0 / max);
                    for (int c = 0; c < channels; c++) {
                        dst[offset + c * plane + y * w + x] = (byte) v;
                    }
                }
            }
            return;
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int p = 0; p < plane; p++) {
            int r = (argb[p] >> 16) & 0xFF;
            int g = (argb[p] >> 8) & 0xFF;
            int b = argb[p] & 0xFF;
            if (channels == 1 && (r != g || g != b)) {
                throw new DatasetFormatException(file, "colour pixel at (" + p % w + ", " + p / w
                        + ") in a set of grey images");
            }
            dst[offset + p] = (byte) r;
            if (channels == 3) {
                dst[offset + plane + p] = (byte) g;
                dst[offset + 2 * plane + p] = (byte) b;
            }
        }
    }
}
