package org.ibrasnn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One tiny finished {@code ibra train} run (resnet-tiny, 1 epoch of 32 images in batches of 16) on a generated
 * Fashion-MNIST, trained once per test JVM and shared by the hostile-input tests; deleted when the JVM exits.
 */
record TinyRun(Path data, Path run) {

    private static TinyRun shared;

    /** The options the run was trained with, by name. */
    static final Map<String, String> OPTIONS = Map.of("--arch", "resnet-tiny", "--epochs", "1", "--batch", "16",
            "--train-limit", "32");

    /** The shared run, trained on first use. */
    static synchronized TinyRun get() throws IOException {
        if (shared == null) {
            Path root = Files.createTempDirectory("ibra-tiny-run");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            TinyRun r = new TinyRun(TinyFashionMnist.write(root.resolve("data"), 64, 16, 0), root.resolve("run"));
            CliRun.run(r.train(r.run(), false)).succeeded();
            shared = r;
        }
        return shared;
    }

    Path model() {
        return run.resolve("model.safetensors");
    }

    Path checkpoint() {
        return run.resolve("checkpoint.safetensors");
    }

    /** {@code train} into {@code out} with the run's options and data, {@code overrides} (name, value, ...) replacing them. */
    String[] train(Path out, boolean resume, String... overrides) {
        Map<String, String> options = new LinkedHashMap<>(OPTIONS);
        options.put("--root", data.toString());
        options.put("--out", out.toString());
        for (int i = 0; i < overrides.length; i += 2) {
            options.put(overrides[i], overrides[i + 1]);
        }
        List<String> args = new ArrayList<>(List.of("train"));
        options.forEach((k, v) -> args.addAll(List.of(k, v)));
        if (resume) {
            args.add("--resume");
        }
        return args.toArray(String[]::new);
    }

    /** Deletes {@code root} and everything under it. */
    static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
