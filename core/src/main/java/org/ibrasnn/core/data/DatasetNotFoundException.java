package org.ibrasnn.core.data;

import java.io.FileNotFoundException;

/** No root was given and none of a dataset's default places holds it; the message lists the places searched. */
public final class DatasetNotFoundException extends FileNotFoundException {
    private static final long serialVersionUID = 1L;

    public DatasetNotFoundException(String message) {
        super(message);
    }
}
