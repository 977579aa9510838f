package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.Datasets;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.data.LoadOptions;
import org.ibrasnn.core.data.SceneSettings;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.data.SyntheticScenes;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.task.Evaluator;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.core.task.detection.CocoStats;
import org.ibrasnn.core.task.detection.HeadLayout;
import org.ibrasnn.djl.train.LoadedModel;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.experiments.SpikeRun;
import org.ibrasnn.experiments.detection.CocoResults;
import org.ibrasnn.runtime.RunReport;
import org.ibrasnn.runtime.SpikeRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ibra eval --detections} and {@code ibra infer --detections} write is what they scored: pycocotools
 * 2.0.11 reads the dataset's own {@code instances_test.json} and the COCO results file {@link CocoResults} writes
 * (in the file's image and category ids) and gives the twelve statistics our evaluation printed, to 1e-9. The scenes
 * are synthetic ({@link SyntheticScenes} from the installed Fashion-MNIST); the detector is spikeyolo-pico with seeded
 * dyadic weights whose heads are set to a grid of boxes
 * of the garments' sizes, so that some detections hit.
 */
class DetectionResultsParityTest {

    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path dir;

    @Test
    void denseAndSpikeDrivenResultsScoreTheSameInPycocotools() throws Exception {
        Splits fashion = Datasets.load("fashion-mnist", null, LoadOptions.defaults());
        Path scenes = dir.resolve("scenes");
        SceneSettings settings = new SceneSettings(64, 16, 48, 4, 0.3, 1, 16, 11);
        for (SyntheticScenes.Split split : SyntheticScenes.Split.values()) {
            SyntheticScenes.write(fashion, "fashion-mnist", 200, settings, split, scenes, n -> { });
        }
        ImageDataset test = Datasets.load("coco", scenes, LoadOptions.defaults(), Splits.Part.TEST).test();
        ModelSpec spec = DetectorEquivalenceTest.pico(new IbraLifSpec(1.9375, 16, 0.25, 1), 10);
        ModelFile model = new ModelFile("training", spec, Map.of(), gridHeads(spec, DetectorEquivalenceTest.balanced(spec,
                new SplittableRandom(13))), DatasetRecord.of("coco", LoadOptions.defaults()));
        Path truth = SyntheticScenes.instancesFile(scenes.resolve("test"), "test");

        Metrics dense;
        List<?> densePredictions;
        try (LoadedModel loaded = LoadedModel.of(model)) {
            Evaluator evaluator = loaded.evaluate(test, 0);
            dense = evaluator.score(test);
            densePredictions = evaluator.predictions();
        }
        check("dense (ibra eval)", dense, densePredictions, test, truth);
        RunReport spiking = SpikeRun.of(model, test, 0, SpikeRuntime.Mode.SPIKE_DRIVEN, 2, Progress.NONE).report();
        check("spike-driven (ibra infer)", spiking.score(), spiking.predictions(), test, truth);
    }

    /**
     * {@code tensors} with the last box and class convs of each head divided by 16 and its bias making every cell a box reaching about
     * 1.5 strides to each side (bins 1 and 2 of every side at logit 8) of score near 0.5 for every class: a grid of
     * boxes 24, 48 and 96 px wide, varied a little by the image, of which some fit the garments (16-48 px).
     */
    private static Map<String, Tensor> gridHeads(ModelSpec spec, Map<String, Tensor> tensors) {
        Map<String, Tensor> out = new LinkedHashMap<>(tensors);
        for (String head : spec.graph().outputs()) {
            for (String branch : List.of(".box.pred", ".cls.pred")) {
                String conv = head + branch;
                Tensor w = out.get(conv + ".weight");
                float[] weights = w.toArray();
                for (int i = 0; i < weights.length; i++) {
                    weights[i] /= 16;
                }
                out.put(conv + ".weight", Tensor.of(weights, w.shape()));
                float[] bias = new float[out.get(conv + ".bias").size()];
                if (branch.startsWith(".box")) {
                    for (int side = 0; side < 4; side++) {
                        bias[side * HeadLayout.REG_MAX + 1] = 8;
                        bias[side * HeadLayout.REG_MAX + 2] = 8;
                    }
                }
                out.put(conv + ".bias", Tensor.of(bias, bias.length));
            }
        }
        return out;
    }

    private void check(String run, Metrics ours, List<?> predictions, ImageDataset test, Path truth) throws Exception {
        Path results = dir.resolve("results.json");
        CocoResults.write(results, predictions, test);
        JsonArray written = JsonParser.parseString(Files.readString(results)).getAsJsonArray();
        assertTrue(written.size() > 100, run + ": the detector finds boxes, " + written.size());
        String out = OraclePython.run(Path.of("src/test/resources/coco/cocoeval_reference.py"), truth.toString(),
                results.toString());
        JsonArray theirs = JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("stats");
        assertEquals(12, theirs.size());
        for (int i = 0; i < 12; i++) {
            String name = CocoStats.NAMES.get(i);
            assertEquals(theirs.get(i).getAsDouble(), ours.values().get(name), TOLERANCE, run + ": " + name);
        }
        assertTrue(ours.values().get("AR100") > 0, run + ": some boxes hit, so the comparison is not of zeros: "
                + ours.values());
        System.out.printf("%s: %d detections, stats %s%n", run, written.size(), ours.values());
    }
}
