package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibrasnn.core.io.AtomicFiles;

/**
 * The temporaries an atomic writer ({@link org.ibrasnn.core.io.AtomicFiles}) leaves beside its target when it is
 * killed: hidden files named after the target, {@code .NAME.<random>.tmp} or {@code .NAME.tmp-<pid>-<random>}.
 * Their target was never completed, so readers refuse a folder holding one and say to delete it, and a writer
 * that resumes into a folder deletes them first.
 */
public final class Temporaries {

    private Temporaries() {}

    /** Whether {@code file} is named as a writer's temporary. */
    static boolean is(Path file) {
        return AtomicFiles.isTemporary(file);
    }

    /** Fails when {@code file} is a writer's temporary, saying to delete it. */
    static void refuse(Path file) throws DatasetFormatException {
        if (is(file)) {
            throw new DatasetFormatException(file, "temporary file of an interrupted writer: the file it was writing "
                    + "is missing; delete this file, and write the missing one again (a resumed writer does both)");
        }
    }

    /** Deletes the writers' temporaries directly in {@code dir}, when it exists; returns how many. */
    public static int deleteIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, Temporaries::is)) {
            for (Path temp : temps) {
                if (Files.deleteIfExists(temp)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }
}
