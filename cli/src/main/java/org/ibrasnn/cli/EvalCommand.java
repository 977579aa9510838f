package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.experiments.report.Json;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.task.Evaluator;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.djl.train.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra eval}: the dense (DJL) test metrics of a trained model file's task. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a trained model file on a dataset's test split with DJL (dense training form).")
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOptions data = new DatasetOptions();

    @Option(names = "--model", required = true, description = "Model file (model.safetensors from ibra train).")
    private Path model;

    @Option(names = "--limit", defaultValue = "0", description = "Evaluate only the first K test images (0: all).")
    private int limit;

    @Option(names = "--json", description = "Write the task's metrics by name and details to this file.")
    private Path json;

    @Option(names = "--detections", description = "Detection models: write the detections as a COCO results file "
            + "(a JSON array of image_id, category_id, bbox [x, y, w, h], score) in the ids of the dataset's COCO "
            + "file, for pycocotools or other COCO tools. With --limit it covers the first K images only.")
    private Path detections;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast("--limit", limit, 0);
        ModelFile file = ModelFile.read(model);
        DetectionsOption.check(detections, model, file);
        if (file.spec().task().boxTargets()) {
            data.defaultTo("coco");
        }
        Splits splits = data.loadFor(file);
        long start = System.nanoTime();
        Metrics score;
        Evaluator evaluator;
        try (LoadedModel loaded = LoadedModel.of(file)) {
            evaluator = loaded.evaluate(splits.test(), limit);
            score = evaluator.score(splits.test());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(model + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int images = limit > 0 ? Math.min(limit, splits.test().size()) : splits.test().size();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("%s (%s): test %s on %d images in %.1f s%n", file.spec().arch(),
                file.spec().activation().describe(), DetectionScores.headline(score), images, seconds);
        if (DetectionScores.present(score)) {
            DetectionScores.printStatistics(stdout, score);
            DetectionScores.printConfusion(stdout, evaluator.predictions(), splits);
        }
        DetectionsOption.write(detections, evaluator.predictions(), splits.test(), stdout);
        if (json != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.putAll(score.values());
            out.put("images", images);
            out.put("model", model.toString());
            out.put("arch", file.spec().arch());
            out.put("neuron", file.spec().activation().describe());
            out.put("seconds", seconds);
            AtomicFiles.writeString(json, Json.pretty(out));
        }
        return 0;
    }
}
