package org.ibrasnn.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be used as asked: missing, unreadable, not a regular file, too large to load, or not
 * writable. The message names the file and the fault, e.g. {@code model.safetensors: no such file}.
 */
public final class FileAccessException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String fault;

    public FileAccessException(Path file, String fault) {
        this(file, fault, null);
    }

    FileAccessException(Path file, String fault, Throwable cause) {
        super(file + ": " + fault, cause);
        this.fault = fault;
    }

    /** What is wrong with the file, without its name (e.g. {@code is a directory, not a file}). */
    public String fault() {
        return fault;
    }
}
