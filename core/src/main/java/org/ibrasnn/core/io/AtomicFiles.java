package org.ibrasnn.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a crash never leaves half of one: the content goes to a temporary file
 * {@code .NAME.tmp-PID-RANDOM} in the same directory, is forced to disk, and is renamed over the target in
 * one atomic step. Temporaries left by killed writers (their process is gone) are deleted by this process's
 * first write into their directory; readers are only ever given the target's own name. Failures name the target.
 */
public final class AtomicFiles {

    /** Writes the content of a file to the stream it is given. */
    @FunctionalInterface
    public interface IoWriter {
        void write(OutputStream out) throws IOException;
    }

    private static final String TEMP_MARK = ".tmp-";
    /** {@code .NAME.tmp-PID-RANDOM}, with the writer's process id as group 1. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+" + Pattern.quote(TEMP_MARK) + "(\\d{1,18})-[0-9a-z]+");
    /** Temporaries of this version ({@code .NAME.tmp-PID-RANDOM}) and of earlier ones ({@code .NAME.RANDOM.tmp}). */
    private static final Pattern ANY_TEMPORARY = Pattern.compile("\\..+\\.tmp(-[0-9]+-[0-9a-z]+)?");
    /** Directories this process has swept: one listing per directory, however many files are written there. */
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {}

    /**
     * Fails, naming {@code target}, unless a write to it can start: it is not a directory and its nearest
     * existing ancestor is a writable directory. Commands call it before long work whose result goes there.
     */
    public static void requireWritable(Path target) throws FileAccessException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new FileAccessException(target, "is a directory, not a file");
        }
        Path ancestor = absolute.getParent();
        while (!Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (!Files.isDirectory(ancestor)) {
            throw new FileAccessException(target, "cannot write: " + ancestor + " is not a directory");
        }
        if (!Files.isWritable(ancestor)) {
            throw new FileAccessException(target, "cannot write: permission denied on " + ancestor);
        }
    }

    /** Atomically replaces {@code target} with what {@code body} writes; on failure the old file is untouched. */
    public static void write(Path target, IoWriter body) throws IOException {
        requireWritable(target);
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp;
        try {
            Files.createDirectories(dir);
            if (SWEPT.add(dir)) {
                removeAbandonedTemporaries(dir);
            }
            temp = Files.createFile(dir.resolve(temporaryName(absolute)));
        } catch (IOException e) {
            throw FileAccess.fault(target, "cannot write", e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.write(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw FileAccess.fault(target, "cannot write", e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** Atomically writes a UTF-8 text file. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String temporaryName(Path target) {
        return "." + target.getFileName() + TEMP_MARK + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    /** Whether {@code file} is named as a temporary this or an earlier version of the writer leaves when killed. */
    public static boolean isTemporary(Path file) {
        return ANY_TEMPORARY.matcher(file.getFileName().toString()).matches();
    }

    /** The process id in the name of a temporary, or -1 if {@code file} is none. */
    private static long writerOf(Path file) {
        String name = file.getFileName().toString();
        Matcher m = name.startsWith(".") ? TEMPORARY.matcher(name) : null;
        return m != null && m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Deletes the temporaries in {@code dir} whose writing process no longer runs. */
    private static void removeAbandonedTemporaries(Path dir) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, p -> writerOf(p) >= 0)) {
            for (Path temp : temps) {
                if (!ProcessHandle.of(writerOf(temp)).map(ProcessHandle::isAlive).orElse(false)) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }
}
