package org.ibrasnn.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.ibrasnn.core.model.Shape;

/**
 * One picture file (any format ImageIO reads, PNG and JPEG among them) as a network input: CHW values pixel / 255
 * of the input's shape. A grey picture feeds a 1-channel input or is repeated into 3; a colour picture feeds 3
 * channels (sRGB) or becomes grey by PIL's {@code convert("L")} (ITU-R 601-2 luma in 16-bit fixed point). A picture
 * of another size is refused, naming the file and both sizes.
 */
public final class PictureInput {

    private PictureInput() {}

    /** The picture in {@code file} as input values of {@code shape} (1 or 3 channels). */
    public static float[] read(Path file, Shape shape) throws IOException {
        if (shape.channels() != 1 && shape.channels() != 3) {
            throw new IllegalArgumentException("an input of " + shape.channels() + " channels cannot be read from a "
                    + "picture (1: grey, 3: RGB)");
        }
        BufferedImage image = ImageFiles.decode(file, FileBytes.read(file, FileBytes.MAX_ITEM_BYTES, "one picture")
                .array());
        if (image.getWidth() != shape.width() || image.getHeight() != shape.height()) {
            throw new DatasetFormatException(file, "the picture is " + image.getWidth() + "x" + image.getHeight()
                    + " (width x height) but the model takes " + shape.width() + "x" + shape.height());
        }
        byte[] planes = new byte[shape.size()];
        if (shape.channels() == 1 && image.getColorModel().getNumColorComponents() != 1) {
            luma(image, planes);
        } else {
            PicturePlanes.write(file, image, shape.channels(), planes, 0);
        }
        float[] values = new float[planes.length];
        for (int i = 0; i < planes.length; i++) {
            values[i] = (planes[i] & 0xFF) / 255f;
        }
        return values;
    }

    /** Grey levels of a colour picture as PIL computes them: (19595 R + 38470 G + 7471 B + 2^15) >> 16. */
    private static void luma(BufferedImage image, byte[] dst) {
        int w = image.getWidth();
        int[] argb = image.getRGB(0, 0, w, image.getHeight(), null, 0, w);
        for (int p = 0; p < argb.length; p++) {
            int r = (argb[p] >> 16) & 0xFF;
            int g = (argb[p] >> 8) & 0xFF;
            int b = argb[p] & 0xFF;
            dst[p] = (byte) ((19595 * r + 38470 * g + 7471 * b + 0x8000) >> 16);
        }
    }
}
