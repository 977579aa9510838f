package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ibrasnn.core.data.CifarReader;
import org.ibrasnn.core.data.DatasetFixtures;
import org.ibrasnn.core.data.Datasets;
import org.ibrasnn.core.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every registered dataset by name: {@code data check}, a tiny {@code train} and {@code infer} on generated files. */
class DatasetCommandsTest {

    @TempDir
    Path dir;

    @Test
    void listAndHelpNameEveryRegisteredDataset() {
        String list = run("data", "list").succeeded().out();
        String help = run("train", "--help").succeeded().out();
        for (String name : Datasets.names()) {
            assertTrue(list.contains(name), list);
            assertTrue(help.contains(name), help);
        }
    }

    @Test
    void cifar10() throws Exception {
        Path root = dir.resolve("c10");
        DatasetFixtures.writeCifar(root.resolve("cifar-10-batches-bin"), CifarReader.Variant.CIFAR10, 8);
        checkTrainInfer(List.of("--dataset", "cifar10", "--root", root.toString()), "3x32x32", "airplane", 1);
    }

    @Test
    void cifar100() throws Exception {
        Path root = dir.resolve("c100");
        DatasetFixtures.writeCifar(root, CifarReader.Variant.CIFAR100, 40);
        checkTrainInfer(List.of("--dataset", "cifar100", "--root", root.toString()), "3x32x32", "aquarium_fish", 1);
    }

    @Test
    void cifar10Dvs() throws Exception {
        Path root = dir.resolve("dvs");
        DatasetFixtures.writeCifar10Dvs(root, 4);
        checkTrainInfer(List.of("--dataset", "cifar10-dvs", "--root", root.toString(), "--pool", "8"), "4x16x16",
                "truck", 2);
        CliRun repooled = run("infer", "--limit", "8", "--model", dir.resolve("run/model.safetensors").toString(),
                "--root", root.toString(), "--pool", "4");
        assertEquals(2, repooled.code(), repooled.err());
        assertTrue(repooled.err().contains("pooling 4 instead of 8"), repooled.err());
    }

    @Test
    void imageFolder() throws Exception {
        Path root = dir.resolve("images");
        DatasetFixtures.writeImageFolder(root, List.of("cat", "dog", "fox"), 4, 20);
        checkTrainInfer(List.of("--dataset", "image-folder", "--root", root.toString(), "--image-size", "16"),
                "3x16x16", "fox", 1);
    }

    @Test
    void aMissingRootIsNamedWithTheFlag() {
        CliRun o = run("data", "check", "--dataset", "cifar10-dvs", "--root", dir.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("the dataset root does not hold the CIFAR10-DVS class folders"), o.err());
        CliRun none = run("data", "check", "--dataset", "image-folder");
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("image-folder not found") && none.err().contains("--root"), none.err());
    }

    /**
     * {@code data check}, then {@code train} (T frames for event data) and {@code infer --limit 8} on the model,
     * which reads its recorded dataset and framing given only the root, and refuses another dataset.
     * {@code data} starts with {@code --dataset NAME --root DIR}.
     */
    private void checkTrainInfer(List<String> data, String frameShape, String className, int frames) throws Exception {
        String check = run(args(List.of("data", "check"), data)).succeeded().out();
        assertTrue(check.contains("all files valid") && check.contains(className), check);
        Path runDir = dir.resolve("run");
        List<String> train = new ArrayList<>(List.of("train", "--arch", "resnet-tiny", "--epochs", "1",
                "--train-limit", "32", "--batch", "16", "--out", runDir.toString()));
        train.addAll(frames > 1 ? List.of("--neuron", "lif", "--T", "" + frames) : List.of("--neuron", "ibra"));
        run(args(train, data)).succeeded();
        ModelFile model = ModelFile.read(runDir.resolve("model.safetensors"));
        assertEquals(frames, model.spec().inputFrames());
        assertEquals(frameShape, model.spec().input().toString());
        assertEquals(data.get(1), model.data().dataset());
        String file = runDir.resolve("model.safetensors").toString();
        String infer = run("infer", "--limit", "8", "--model", file, "--root", data.get(3)).succeeded().out();
        assertTrue(infer.contains("on 8 images") && infer.contains("accuracy"), infer);
        CliRun other = run("eval", "--limit", "8", "--model", file, "--dataset", "fashion-mnist");
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("the model was trained on " + data.get(1)
                + " but the options ask for dataset fashion-mnist"), other.err());
    }

    private static String[] args(List<String> command, List<String> data) {
        List<String> out = new ArrayList<>(command);
        out.addAll(data);
        return out.toArray(String[]::new);
    }
}
