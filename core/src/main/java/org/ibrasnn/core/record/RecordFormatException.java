package org.ibrasnn.core.record;

import java.io.IOException;
import java.nio.file.Path;

/** A record file that cannot be read as the record it should hold; the message names the file and the field. */
public final class RecordFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String fault;

    /** {@code field}: a path such as {@code layers[2].macs}. */
    public RecordFormatException(Path file, String field, String problem) {
        this(file, "field '" + field + "' " + problem);
    }

    /** A fault that concerns the file as a whole (it is not complete JSON, not an object). */
    public RecordFormatException(Path file, String fault) {
        super(file + ": " + fault);
        this.fault = fault;
    }

    /** The message without the file name. */
    public String fault() {
        return fault;
    }
}
