package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.SafeTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.djl.ParameterTensors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints, resume after a kill, divergence and output-directory safety on a tiny task. */
class TrainingRunTest {

    @TempDir
    Path dir;

    private ImageDataset train;
    private ImageDataset test;
    private final ModelSpec spec = TinyData.spec(IbraLifSpec.paperDefault(1));
    private final Recipe recipe = new Recipe("test", 3, 16, OptimizerKind.SGD, 0.05f, 0.9f, 5e-4f, 0.5f, 0.1f, 1,
            true, 0.5f, 5);

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

    @Test
    void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne() throws IOException {
        Path straight = dir.resolve("straight");
        TrainingRun.Result result = TrainingRun.execute(plan(straight, false, recipe), TrainingListener.NONE);
        assertTrue(result.test().value() > 0.9, "the tiny task is learnable: " + result.test());
        assertEquals("accuracy", result.test().primary());

        Path killed = dir.resolve("killed");
        assertThrows(IllegalStateException.class, () -> TrainingRun.execute(plan(killed, false, recipe), killAfter(2)));
        assertTrue(Files.exists(killed.resolve(Checkpoint.FILE)));
        assertFalse(Files.exists(killed.resolve(TrainingRun.MODEL_FILE)), "no model before the run finishes");
        TrainingRun.execute(plan(killed, true, recipe), TrainingListener.NONE);

        Map<String, Tensor> a = ModelFile.read(straight.resolve(TrainingRun.MODEL_FILE)).tensors();
        Map<String, Tensor> b = ModelFile.read(killed.resolve(TrainingRun.MODEL_FILE)).tensors();
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name).toArray(), b.get(name).toArray(), 0f, name);
        }
        String metrics = Files.readString(killed.resolve(TrainingRun.METRICS_FILE));
        assertTrue(metrics.contains("\"epoch\": 3") && metrics.contains("\"peak_rss_bytes\"")
                && metrics.contains("\"task\": \"classify\"") && metrics.contains("\"primary\": \"accuracy\"")
                && metrics.contains("\"test\": {") && metrics.contains("\"wall_seconds\""), metrics);
    }

    @Test
    void restoresACheckpointWrittenBeforeTasks() throws IOException {
        Path out = dir.resolve("old");
        List<EpochMetrics> written;
        try (Trainer trainer = new Trainer(spec, recipe.withEpochs(1))) {
            trainer.train(train, test, TrainingListener.NONE, (t, m) -> Checkpoint.save(t, out));
            written = trainer.history();
        }
        Path file = out.resolve(Checkpoint.FILE);
        SafeTensors.Contents current = SafeTensors.read(file);
        Map<String, String> meta = new LinkedHashMap<>(current.metadata());
        meta.put("spec", meta.get("spec").replace("\"task\":\"classify\",", ""));
        EpochMetrics e = written.getFirst();
        meta.put("history", meta.get("history").replaceFirst("\"train\":\\{.*?}},\"test\":\\{.*?}}",
                "\"trainAccuracy\":" + e.train().value() + ",\"testAccuracy\":" + e.test().value()));
        assertFalse(meta.get("spec").contains("task") || meta.get("history").contains("primary"), meta.toString());
        SafeTensors.write(file, current.tensors(), meta);
        try (Trainer fresh = new Trainer(spec, recipe.withEpochs(1))) {
            assertTrue(Checkpoint.restore(fresh, out));
            assertEquals(written, fresh.history());
        }
    }

    @Test
    void refusesToOverwriteARunAndRejectsAMismatchedResume() throws IOException {
        Path out = dir.resolve("run");
        TrainingRun.execute(plan(out, false, recipe.withEpochs(1)), TrainingListener.NONE);
        IllegalArgumentException overwrite = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.checkOutput(out, false));
        assertTrue(overwrite.getMessage().contains(out + " already holds a training run; resume it"),
                overwrite.getMessage());
        assertFalse(overwrite.getMessage().contains("--"), "library messages name no flags: " + overwrite.getMessage());
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.execute(plan(out, true, recipe.withSeed(99).withEpochs(1)), TrainingListener.NONE));
        assertTrue(mismatch.getMessage().contains("recipe"), mismatch.getMessage());
    }

    @Test
    void nonFiniteLossStopsWithEpochAndBatchAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path out = dir.resolve("nan");
        try (Trainer trainer = new Trainer(spec, recipe)) {
            trainer.train(train, test, TrainingListener.NONE, (t, m) -> {
                Checkpoint.save(t, out);
                if (m.epoch() == 1) {
                    // Poison a weight so the next batch's loss is NaN.
                    var weight = t.parameters().get("fc.weight").getArray();
                    float[] nan = new float[(int) weight.size()];
                    java.util.Arrays.fill(nan, Float.NaN);
                    ParameterTensors.load(weight, Tensor.of(nan, 2, 256), "fc.weight");
                }
            });
        } catch (TrainingDivergedException e) {
            assertTrue(e.getMessage().contains("epoch 2") && e.getMessage().contains("batch 1 of 6"), e.getMessage());
            try (Trainer fresh = new Trainer(spec, recipe)) {
                assertTrue(Checkpoint.restore(fresh, out));
                assertEquals(1, fresh.history().size(), "the checkpoint of the last good epoch is kept");
            }
            return;
        }
        throw new AssertionError("training should have stopped on the NaN loss");
    }
}
