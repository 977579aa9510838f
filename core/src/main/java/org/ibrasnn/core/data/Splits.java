package org.ibrasnn.core.data;

import java.nio.file.Path;

/** A dataset's train and test splits, the directory they came from and a SHA-256 over their files. */
public record Splits(ImageDataset train, ImageDataset test, Path directory, String checksum) {}
