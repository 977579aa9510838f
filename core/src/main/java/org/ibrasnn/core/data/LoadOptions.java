package org.ibrasnn.core.data;

/**
 * How a dataset is read: event sources cut every recording into {@code frames} frames by {@code frameSplit} and
 * sum {@code pool x pool} pixel blocks; image folders scale every picture to {@code imageSize x imageSize}.
 */
public record LoadOptions(int frames, EventFrames.Split frameSplit, int pool, int imageSize) {

    /** The image size of ImageNet-style training (shorter side scaled to 224, centre crop 224 x 224). */
    public static final int DEFAULT_IMAGE_SIZE = 224;
    /** Largest accepted image size. */
    public static final int MAX_IMAGE_SIZE = 4096;

    public LoadOptions {
        if (frames < 1) {
            throw new IllegalArgumentException("need at least 1 frame, got " + frames);
        }
        if (pool < 1) {
            throw new IllegalArgumentException("down-sampling factor must be >= 1, got " + pool);
        }
        if (imageSize < 1 || imageSize > MAX_IMAGE_SIZE) {
            throw new IllegalArgumentException("image size must be 1.." + MAX_IMAGE_SIZE + ", got " + imageSize);
        }
    }

    /** One frame split by count, no pooling, images at the default size. */
    public static LoadOptions defaults() {
        return new LoadOptions(1, EventFrames.Split.COUNT, 1, DEFAULT_IMAGE_SIZE);
    }
}
