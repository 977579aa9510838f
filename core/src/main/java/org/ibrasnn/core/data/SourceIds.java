package org.ibrasnn.core.data;

import java.util.List;

/**
 * The ids a detection source gives its images (by index) and categories (by class label), so that results can be
 * written back in its terms (COCO's {@code image_id} and {@code category_id}).
 */
public record SourceIds(List<Long> images, List<Long> categories) {

    public SourceIds {
        images = List.copyOf(images);
        categories = List.copyOf(categories);
    }

    /** The ids of the first {@code count} images. */
    SourceIds head(int count) {
        return new SourceIds(images.subList(0, Math.min(count, images.size())), categories);
    }
}
