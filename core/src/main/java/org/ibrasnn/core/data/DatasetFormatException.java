package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.Path;

/** A dataset file that is not what it should be; the message names the file and the fault. */
public final class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetFormatException(Path file, String fault) {
        super(file + ": " + fault);
    }
}
