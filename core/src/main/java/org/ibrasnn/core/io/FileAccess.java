package org.ibrasnn.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Checks and words for what can go wrong with a file, each naming the file: {@link FileAccessException}s. */
public final class FileAccess {

    private FileAccess() {}

    /**
     * Fails unless {@code file} is an existing, readable regular file; a FIFO, socket or device is refused
     * before it is opened, so reading it cannot hang.
     */
    public static void requireReadableFile(Path file) throws FileAccessException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw fault(file, "cannot read", e);
        }
        if (a.isDirectory()) {
            throw new FileAccessException(file, "is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new FileAccessException(file, "is not a regular file (a FIFO, socket or device)");
        }
        if (!Files.isReadable(file)) {
            throw new FileAccessException(file, "permission denied");
        }
    }

    /**
     * What an I/O failure means for {@code file}: {@code no such file} and {@code permission denied} alone,
     * anything else after {@code doing} (e.g. {@code cannot write: No space left on device}).
     */
    public static FileAccessException fault(Path file, String doing, IOException e) {
        if (e instanceof FileAccessException f) {
            return f;
        }
        String fault = switch (e) {
            case NoSuchFileException n -> file.toString().equals(n.getFile()) ? "no such file"
                    : doing + ": no such file or directory " + n.getFile();
            case AccessDeniedException d -> file.toString().equals(d.getFile()) ? "permission denied"
                    : doing + ": permission denied on " + d.getFile();
            case NotDirectoryException d -> doing + ": " + d.getFile() + " is not a directory";
            case FileSystemException s when s.getReason() != null -> doing + ": " + s.getReason();
            default -> doing + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        };
        return new FileAccessException(file, fault, e);
    }
}
