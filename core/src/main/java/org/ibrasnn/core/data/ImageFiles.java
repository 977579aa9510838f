package org.ibrasnn.core.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one picture with ImageIO, strictly: the reader is chosen by the content (not the file name), and a
 * warning from the reader (for instance a JPEG that ends early, which ImageIO would otherwise fill with grey) is
 * a fault like an error, except notes on colour profiles (such as a CMYK JPEG without one, converted with a generic
 * profile). A picture of more than {@link #MAX_PIXELS} pixels is refused before it is decoded. CMYK and YCCK JPEGs are read by the TwelveMonkeys plug-in, which registers itself.
 */
final class ImageFiles {

    /** The most pixels a picture may have, checked before it is decoded. */
    static final long MAX_PIXELS = 1L << 25;

    private ImageFiles() {}

    /** The first image of a file whose bytes are {@code content}. */
    static BufferedImage decode(Path file, byte[] content) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DatasetFormatException(file, "not an image: no ImageIO reader recognises its content");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((r, warning) -> {
                if (!warning.toLowerCase(Locale.ROOT).contains("profile")) {
                    warnings.add(warning);
                }
            });
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new DatasetFormatException(file, reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels, more than the " + MAX_PIXELS + " a picture may have");
                }
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new DatasetFormatException(file, "damaged " + reader.getFormatName() + " image: "
                            + warnings.getFirst());
                }
                return image;
            } catch (DatasetFormatException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // Decoders report corrupt data with IIOException but also with unchecked exceptions of all kinds.
                throw new DatasetFormatException(file, "unreadable " + reader.getFormatName() + " image ("
                        + e.getMessage() + ")");
            } finally {
                reader.dispose();
            }
        }
    }
}
