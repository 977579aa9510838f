package org.ibrasnn.core.data;

/**
 * How a dataset is read: event sources cut every recording into {@code frames} frames by {@code frameSplit} and
 * sum {@code pool x pool} pixel blocks; image folders scale every picture to {@code imageSize x imageSize}.
 */
public record LoadOptions(int frames, EventFrames.Split frameSplit, int pool, int imageSize) {

    /** The options a value can be wrong for. */
    public enum Field { FRAMES, POOL, IMAGE_SIZE }

    /** A value the reading of a dataset cannot take; {@link #field} says which option holds it. */
    public static final class InvalidOption extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Field field;

        InvalidOption(Field field, String message) {
            super(message);
            this.field = field;
        }

        /** The option that holds the value. */
        public Field field() {
            return field;
        }
    }

    /** The image size of ImageNet-style training (shorter side scaled to 224, centre crop 224 x 224). */
    public static final int DEFAULT_IMAGE_SIZE = 224;
    /** Largest accepted image size. */
    public static final int MAX_IMAGE_SIZE = 4096;

    public LoadOptions {
        if (frames < 1) {
            throw new InvalidOption(Field.FRAMES, "need at least 1 frame, got " + frames);
        }
        if (pool < 1) {
            throw new InvalidOption(Field.POOL, "down-sampling factor must be >= 1, got " + pool);
        }
        if (imageSize < 1 || imageSize > MAX_IMAGE_SIZE) {
            throw new InvalidOption(Field.IMAGE_SIZE, "image size must be 1.." + MAX_IMAGE_SIZE + ", got " + imageSize);
        }
    }

    /** One frame split by count, no pooling, images at the default size. */
    public static LoadOptions defaults() {
        return new LoadOptions(1, EventFrames.Split.COUNT, 1, DEFAULT_IMAGE_SIZE);
    }
}
