package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelFormatException;
import org.ibrasnn.core.io.Sha256;
import org.ibrasnn.core.io.SafeTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.djl.ParameterTensors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checkpoints, resume after a kill, divergence and output-directory safety on a tiny task. */
class TrainingRunTest {

    @TempDir
    Path dir;

    private ImageDataset train;
    private ImageDataset test;
    private final ModelSpec spec = TinyData.spec(IbraLifSpec.paperDefault(1));
    private final Recipe recipe = new Recipe("test", 3, 16, OptimizerKind.SGD, 0.05f, 0.9f, 5e-4f, 0.5f, 0.1f, 1,
            true, 0.5f, 0f, 0f, 5);

    @BeforeEach
    void data() throws IOException {
        train = TinyData.make(dir, "train", 96, 1);
        test = TinyData.make(dir, "test", 32, 2);
    }

    private TrainingRun.Plan plan(Path out, boolean resume, Recipe r) {
        return new TrainingRun.Plan(spec, r, train, test, out, resume, Map.of("dataset_sha256", "test"));
    }

    /** A listener that kills the run (by throwing) once the given epoch's checkpoint is written. */
    private static TrainingListener killAfter(int epoch) {
        return new TrainingListener() {
            @Override
            public void epochFinished(EpochMetrics m) {
                if (m.epoch() == epoch) {
                    throw new IllegalStateException("killed after epoch " + epoch);
                }
            }
        };
    }

    @ParameterizedTest(name = "weight averaging {0}")
    @ValueSource(floats = {0f, 0.9f})
    void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne(float averaging) throws IOException {
        Recipe r = recipe.withAveraging(averaging);
        Path straight = dir.resolve("straight");
        TrainingRun.Result result = TrainingRun.execute(plan(straight, false, r), TrainingListener.NONE);
        assertTrue(result.test().value() > 0.9, "the tiny task is learnable: " + result.test());
        assertEquals("accuracy", result.test().primary());

        Path killed = dir.resolve("killed");
        assertThrows(IllegalStateException.class, () -> TrainingRun.execute(plan(killed, false, r), killAfter(2)));
        assertTrue(Files.exists(killed.resolve(Checkpoint.FILE)));
        assertFalse(Files.exists(killed.resolve(TrainingRun.MODEL_FILE)), "no model before the run finishes");
        TrainingRun.execute(plan(killed, true, r), TrainingListener.NONE);

        Map<String, Tensor> a = ModelFile.read(straight.resolve(TrainingRun.MODEL_FILE)).tensors();
        Map<String, Tensor> b = ModelFile.read(killed.resolve(TrainingRun.MODEL_FILE)).tensors();
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name).toArray(), b.get(name).toArray(), 0f, name);
        }
        Map<String, Tensor> checkpoint = SafeTensors.read(straight.resolve(Checkpoint.FILE)).tensors();
        for (String name : a.keySet()) {
            if (averaging > 0 && (name.endsWith(".running_mean") || name.endsWith(".running_var"))) {
                assertFalse(checkpoint.containsKey("average/" + name), name + " is re-estimated, not averaged");
                assertFalse(Arrays.equals(checkpoint.get("param/" + name).toArray(), a.get(name).toArray()),
                        "the model file holds " + name + " re-estimated for the averaged weights, not as trained");
                continue;
            }
            Tensor exported = checkpoint.get(averaging > 0 ? "average/" + name : "param/" + name);
            assertArrayEquals(exported.toArray(), a.get(name).toArray(), 0f, "the model file holds " + name
                    + (averaging > 0 ? "'s average" : " as trained"));
        }
        try (LoadedModel exported = LoadedModel.of(ModelFile.read(straight.resolve(TrainingRun.MODEL_FILE)))) {
            assertEquals(result.test().value(), exported.evaluate(test, 0).score(test).value(), 0,
                    "the model file scores what the last epoch's evaluation did");
        }
        assertEquals(averaging > 0, checkpoint.keySet().stream().anyMatch(k -> k.startsWith("average/")));
        if (averaging > 0) {
            assertFalse(Arrays.equals(checkpoint.get("param/fc.weight").toArray(), a.get("fc.weight")
                    .toArray()), "the average differs from the last trained weights");
        }
        String metrics = Files.readString(killed.resolve(TrainingRun.METRICS_FILE));
        assertTrue(metrics.contains("\"epoch\": 3") && metrics.contains("\"peak_rss_bytes\"")
                && metrics.contains("\"task\": \"classify\"") && metrics.contains("\"primary\": \"accuracy\"")
                && metrics.contains("\"test\": {") && metrics.contains("\"wall_seconds\"")
                && metrics.contains("\"averaging\": " + averaging), metrics);
    }

    @Test
    void aRunStartsFromAnInitialModelFileRecordsItAndRefusesAnotherNetwork() throws IOException {
        Path first = dir.resolve("first");
        TrainingRun.execute(plan(first, false, recipe.withEpochs(1)), TrainingListener.NONE);
        Path file = first.resolve(TrainingRun.MODEL_FILE);
        InitialWeights init = InitialWeights.read(file);
        Map<String, Tensor> start = init.model().tensors();
        // At a vanishing rate the weights stay where they started: the file's, not the seed's random ones.
        Recipe still = recipe.withEpochs(1).withLearningRate(1e-12f);
        Path tuned = dir.resolve("tuned");
        TrainingRun.Plan fromFile = new TrainingRun.Plan(spec, still, train, test, tuned, false,
                Map.of("dataset_sha256", "test"), null, init);
        TrainingRun.execute(fromFile, TrainingListener.NONE);
        Path fresh = dir.resolve("fresh");
        TrainingRun.execute(plan(fresh, false, still), TrainingListener.NONE);
        ModelFile tunedModel = ModelFile.read(tuned.resolve(TrainingRun.MODEL_FILE));
        Map<String, Tensor> freshTensors = ModelFile.read(fresh.resolve(TrainingRun.MODEL_FILE)).tensors();
        int weights = 0;
        for (String name : start.keySet()) {
            if (!name.contains("running_")) {
                assertArrayEquals(start.get(name).toArray(), tunedModel.tensors().get(name).toArray(), 1e-6f, name);
                weights++;
            }
        }
        assertTrue(weights > 2, "weights compared: " + weights);
        assertFalse(Arrays.equals(start.get("fc.weight").toArray(), freshTensors.get("fc.weight").toArray()),
                "without --init the same seed starts elsewhere");
        String sha = Sha256.of(file);
        assertEquals(file + " (sha256 " + sha + ")", tunedModel.provenance().get("initialised_from"));
        assertEquals("sha256 " + sha.substring(0, 16), RunSettings.of(fromFile).values().get("init"));
        assertEquals("not recorded", RunSettings.of(plan(tuned, true, still)).firstDifference(RunSettings.of(fromFile))
                .orElseThrow().recorded(), "a resume must name the same initial file");

        Path never = dir.resolve("never");
        ModelSpec other = TinyData.spec(new Relu());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TrainingRun.execute(
                new TrainingRun.Plan(other, still, train, test, never, false, Map.of(), null, init),
                TrainingListener.NONE));
        assertTrue(refused.getMessage().startsWith(file + " holds another network"), refused.getMessage());
        assertFalse(Files.exists(never), "refused before anything is written");
    }

    @Test
    void weightAveragingAndGradientClippingAreSettingsOnlyWhenOn() {
        Path out = dir.resolve("settings");
        assertFalse(RunSettings.of(plan(out, false, recipe)).values().containsKey("averaging"),
                "checkpoints from before weight averaging still resume");
        assertFalse(RunSettings.of(plan(out, false, recipe)).values().containsKey("gradient_clip"),
                "checkpoints from before gradient clipping still resume");
        assertEquals("10.0", RunSettings.of(plan(out, false, recipe.withGradientClip(10f))).values()
                .get("gradient_clip"));
        assertEquals("0.999", RunSettings.of(plan(out, false, recipe.withAveraging(0.999f))).values().get("averaging"));
        assertEquals(new RunSettings.Difference("averaging", "not recorded", "0.9"), RunSettings.of(plan(out, false,
                recipe)).firstDifference(RunSettings.of(plan(out, false, recipe.withAveraging(0.9f)))).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> recipe.withAveraging(1f));
        assertThrows(IllegalArgumentException.class, () -> recipe.withAveraging(-0.1f));
    }

    @Test
    void refusesACheckpointOfVersion1AndNamesMalformedMetadata() throws IOException {
        Path out = dir.resolve("old");
        TrainingRun.Plan plan = plan(out, true, recipe.withEpochs(1));
        try (Trainer trainer = new Trainer(spec, plan.recipe())) {
            trainer.train(train, test, TrainingListener.NONE, (t, m) -> Checkpoint.save(t, RunSettings.of(plan), out));
        }
        Path file = out.resolve(Checkpoint.FILE);
        SafeTensors.Contents current = SafeTensors.read(file);
        for (Map.Entry<String, String> bad : Map.of("format_version", "1", "updates", "many", "history", "[{}]",
                "settings", "{\"seed\": 5}").entrySet()) {
            Map<String, String> meta = new LinkedHashMap<>(current.metadata());
            meta.put(bad.getKey(), bad.getValue());
            SafeTensors.write(file, current.tensors(), meta);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> Checkpoint.read(out));
            assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(
                    bad.getKey().equals("format_version") ? "version 1" : "'" + bad.getKey() + "'"), e.getMessage());
        }
    }

    @Test
    void refusesToOverwriteARunAndRejectsAMismatchedResume() throws IOException {
        Path out = dir.resolve("run");
        TrainingRun.execute(plan(out, false, recipe.withEpochs(1)), TrainingListener.NONE);
        IllegalArgumentException overwrite = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.check(out, false));
        assertTrue(overwrite.getMessage().contains(out + " already holds a finished model"), overwrite.getMessage());
        assertFalse(overwrite.getMessage().contains("--"), "library messages name no flags: " + overwrite.getMessage());
        Files.delete(out.resolve(TrainingRun.MODEL_FILE));
        PlanRefusedException mismatch = assertThrows(PlanRefusedException.class,
                () -> TrainingRun.execute(plan(out, true, recipe.withSeed(99).withEpochs(1)), TrainingListener.NONE));
        assertEquals("seed", mismatch.setting());
        assertTrue(mismatch.getMessage().contains("with seed 5, but this run asks for 99"), mismatch.getMessage());
        PlanRefusedException fewer = assertThrows(PlanRefusedException.class,
                () -> TrainingRun.execute(new TrainingRun.Plan(spec, recipe.withEpochs(1), train.head(64), test, out,
                        true, Map.of()), TrainingListener.NONE));
        assertEquals("train_images", fewer.setting(), fewer.getMessage());
    }

    @Test
    void nonFiniteLossStopsWithEpochAndBatchAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path out = dir.resolve("nan");
        RunSettings settings = RunSettings.of(plan(out, true, recipe));
        try (Trainer trainer = new Trainer(spec, recipe)) {
            trainer.train(train, test, TrainingListener.NONE, (t, m) -> {
                Checkpoint.save(t, settings, out);
                if (m.epoch() == 1) {
                    // Poison a weight so the next batch's loss is NaN.
                    var weight = t.parameters().get("fc.weight").getArray();
                    float[] nan = new float[(int) weight.size()];
                    Arrays.fill(nan, Float.NaN);
                    ParameterTensors.load(weight, Tensor.of(nan, 2, 256), "fc.weight");
                }
            });
        } catch (TrainingDivergedException e) {
            assertTrue(e.getMessage().contains("epoch 2") && e.getMessage().contains("batch 1 of 6"), e.getMessage());
            assertEquals(1, Checkpoint.read(out).orElseThrow().history().size(),
                    "the checkpoint of the last good epoch is kept");
            return;
        }
        throw new AssertionError("training should have stopped on the NaN loss");
    }
}
