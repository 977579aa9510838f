package org.ibrasnn.core.data;

import java.nio.file.Path;

/** One file of a dataset and the label of its class. */
record LabelledFile(Path file, int label) {}
