package org.ibrasnn.djl.train;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.model.ModelSpec;

/**
 * The checks of a run directory before anything is written to it: it is a directory (or can be created as one), it
 * holds no finished model (never replaced) nor, unless resuming, an interrupted run, this process can write it, and
 * its file system has room for what the run writes. Every refusal is a {@link PlanRefusedException}.
 */
public final class RunDirectory {

    private RunDirectory() {}

    /**
     * Refuses a run directory that is a file or lies below one, that holds a finished model, or that holds an
     * interrupted run when not resuming.
     */
    public static void check(Path out, boolean resume) {
        for (Path p = out.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw refused("run directory " + out + " cannot be created: " + p + " is a file, not a directory");
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw refused("run directory " + out + " exists and is not a directory");
        }
        if (Files.exists(out.resolve(TrainingRun.MODEL_FILE))) {
            throw refused("run directory " + out + " already holds a finished model (" + TrainingRun.MODEL_FILE
                    + "), which is never replaced; choose another directory, or delete it to train again");
        }
        if (Files.exists(out.resolve(Checkpoint.FILE)) && !resume) {
            throw new PlanRefusedException(PlanRefusedException.INTERRUPTED_RUN, "run directory " + out
                    + " already holds an interrupted training run; resume it or choose another directory");
        }
    }

    /**
     * Bytes a run writes at most: the model, and the checkpoint (weights, optimizer state and any weight averages)
     * twice while its atomic replacement is written.
     */
    static long bytesWritten(ModelSpec spec, Recipe recipe) {
        long values = 0;
        for (int[] shape : ModelTensors.expected(spec).values()) {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            values += n;
        }
        int states = (recipe.optimizer() == OptimizerKind.ADAMW ? 2 : 1) + (recipe.averaging() > 0 ? 1 : 0);
        return Float.BYTES * values * (1 + 2L * (1 + states));
    }

    /**
     * Refuses a run directory this process cannot write (tried by creating and deleting an empty file in it, or in
     * its nearest existing ancestor) or whose file system has fewer than {@code bytes} free.
     */
    static void requireWritable(Path out, long bytes) {
        Path dir = out.toAbsolutePath();
        while (!Files.exists(dir)) {
            dir = dir.getParent();
        }
        long free;
        try {
            Files.delete(Files.createTempFile(dir, ".ibra-write-check-", ".tmp"));
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.toString();
            throw refused("run directory " + out + (dir.equals(out.toAbsolutePath()) ? "" : " cannot be created: "
                    + dir) + " is not writable (" + why + ")");
        }
        requireSpace(out, bytes, free);
    }

    /** Refuses {@code bytes} to write into {@code out} where {@code free} bytes are left. */
    static void requireSpace(Path out, long bytes, long free) {
        if (free < bytes) {
            throw refused("run directory " + out + " is on a file system with " + TrainingMemory.bytes(free)
                    + " free, but the run writes up to " + TrainingMemory.bytes(bytes)
                    + " (the model, and the checkpoint twice while it is replaced)");
        }
    }

    private static PlanRefusedException refused(String message) {
        return new PlanRefusedException(PlanRefusedException.RUN_DIRECTORY, message);
    }
}
