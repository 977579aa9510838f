package org.ibrasnn.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ibrasnn.core.io.AtomicFiles;

/** Decodes the pictures of a detection set and joins their planes into one array. */
final class DetectionPictures {

    /** One decoded picture: its size and {@code channels} 8-bit planes. */
    record Planes(int width, int height, byte[] bytes) {}

    private DetectionPictures() {}

    /** The picture in {@code file} as {@code channels} (1 or 3) planes. */
    static Planes decode(Path file, int channels) throws IOException {
        Temporaries.refuse(file);
        ByteBuffer content = FileBytes.read(file, FileBytes.MAX_ITEM_BYTES, "one picture");
        var image = ImageFiles.decode(file, content.array());
        byte[] bytes = new byte[channels * image.getWidth() * image.getHeight()];
        PicturePlanes.write(file, image, channels, bytes, 0);
        return new Planes(image.getWidth(), image.getHeight(), bytes);
    }

    /**
     * 1 when the first picture (by name) in {@code folder} is grey (with or without alpha), else 3; a folder
     * without pictures is refused.
     */
    static int channelsOf(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetFormatException(folder, "no such folder of pictures");
        }
        Path first;
        try (var files = Files.list(folder)) {
            first = files.filter(f -> !AtomicFiles.isTemporary(f) && Files.isRegularFile(f)).sorted().findFirst()
                    .orElseThrow(() -> new DatasetFormatException(folder, "holds no pictures"));
        }
        ByteBuffer content = FileBytes.read(first, FileBytes.MAX_ITEM_BYTES, "one picture");
        BufferedImage image = ImageFiles.decode(first, content.array());
        int colours = image.getColorModel().getNumColorComponents();
        return colours == 1 ? 1 : 3;
    }

    /** The planes of every picture, in order, in one array; {@code source} is named if they are too many bytes. */
    static byte[] join(Path source, List<Planes> pictures) throws DatasetFormatException {
        long total = pictures.stream().mapToLong(p -> p.bytes().length).sum();
        if (total > ImageDataset.MAX_BYTES) {
            throw new DatasetFormatException(source, "the pictures take " + total + " bytes, more than the "
                    + ImageDataset.MAX_BYTES + " one detection set can hold");
        }
        byte[] out = new byte[(int) total];
        int at = 0;
        for (Planes p : pictures) {
            System.arraycopy(p.bytes(), 0, out, at, p.bytes().length);
            at += p.bytes().length;
        }
        return out;
    }
}
