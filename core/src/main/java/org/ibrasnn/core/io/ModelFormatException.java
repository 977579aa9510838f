package org.ibrasnn.core.io;

import java.io.IOException;
import java.nio.file.Path;

/** A model or tensor file that cannot be read as what it claims to be; the message names file and fault. */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(Path file, String fault) {
        super(file + ": " + fault);
    }
}
