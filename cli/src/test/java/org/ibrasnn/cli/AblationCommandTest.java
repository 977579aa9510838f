package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.experiments.report.Charts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ibra ablation} writes, reuses and guards its directory; table6 runs the detector on scenes made here. */
class AblationCommandTest {

    @TempDir
    Path dir;

    @Test
    void figure3WritesTablesChartAndReusesFinishedModels() throws Exception {
        Path out = dir.resolve("abl");
        String[] args = {"ablation", "figure3", "--epochs", "1", "--train-limit", "128", "--test-limit", "32",
            "--out", out.toString()};
        run(args).succeeded();
        String md = Files.readString(out.resolve("figure3.md"));
        assertTrue(md.contains("IB-LIF (D=15") && md.contains("IBRA-LIF (D=1.5, N=10)") && md.contains("head.neuron"), md);
        assertTrue(Files.readString(out.resolve("figure3.json")).contains("\"count_histograms\""));
        var png = ImageIO.read(out.resolve("figure3.png").toFile());
        assertNotNull(png);
        assertEquals(2 * Charts.WIDTH, png.getWidth(), "two histograms side by side");

        Path model = out.resolve("iblif-b4-t1").resolve("model.safetensors");
        FileTime trained = Files.getLastModifiedTime(model);
        run(args).succeeded();
        assertEquals(trained, Files.getLastModifiedTime(model), "a finished model is reused, not retrained");

        for (List<String> other : List.of(List.of("--seed", "2"), List.of("--average", "0.5"), List.of("--lr", "0.2"),
                List.of("--batch", "64"), List.of("--clip", "10"))) {
            CliRun refused = run("ablation", "figure3", "--epochs", "1", "--train-limit", "128", "--test-limit", "32",
                    other.get(0), other.get(1), "--out", out.toString());
            assertEquals(2, refused.code(), other.toString());
            assertTrue(refused.err().contains("other settings"), refused.err());
        }
        CliRun refused = run("ablation", "table9", "--out", out.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("unknown ablation 'table9'"), refused.err());
    }

    @Test
    void table6TabulatesTheDetectorsThreeNeuronsAndTheConversionAndRefusesClassificationSettings() throws Exception {
        Path scenes = dir.resolve("scenes");
        run("data", "make-detection", "--out", scenes.toString(), "--train-scenes", "32", "--test-scenes", "6",
                "--limit", "200").succeeded();
        Path out = dir.resolve("t6");
        CliRun done = run("ablation", "table6", "--epochs", "1", "--train-limit", "32", "--test-limit", "6",
                "--lr", "0.03", "--average", "0.5", "--root", scenes.toString(), "--out", out.toString()).succeeded();
        assertTrue(done.out().contains("table6: I-LIF -> "), done.out());
        assertTrue(Files.readString(out.resolve("ilif-d4-t1").resolve("metrics.json")).contains("\"averaging\": 0.5"),
                "every model trains with the recipe as changed");

        String md = Files.readString(out.resolve("table6.md"));
        assertTrue(md.startsWith("# Table 6: object detection")
                && md.contains("spikeyolo-pico-conv, recipe detect (learning_rate 0.03, averaging 0.5), 1 epochs"), md);
        assertTrue(md.contains("| model | T x D | mAP@50 | mAP@50:95 | parameters | MACs | SOPs | energy (mJ) | ANN twin / this |"),
                md);
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| model") && !l.startsWith("| ---")).toList();
        assertEquals(List.of("ReLU ANN", "I-LIF", "IBRA-LIF (N=100)", "IBRA-LIF (N=100), converted"),
                rows.stream().map(l -> l.split("\\|")[1].strip()).toList(), md);
        assertTrue(md.contains("IBRA-LIF (N=100), converted: not trained; converted from the ReLU ANN, calibrated on 32 "
                + "training images at the 99.99th percentile"), md);
        assertTrue(rows.getFirst().contains("| 1.00x |") && rows.getFirst().contains("| 0 |"), "the ANN has no SOPs: " + md);
        assertTrue(md.contains("59.2 % mAP@50 / 42.5 % mAP@50:95") && md.contains("61.3 % / 44.8 %"), md);

        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("table6.json"))).getAsJsonObject();
        assertEquals("table6", json.get("ablation").getAsString());
        List<JsonElement> parsed = json.getAsJsonArray("rows").asList();
        assertEquals(4, parsed.size());
        assertEquals(List.of("trained", "trained", "trained"), parsed.subList(0, 3).stream()
                .map(e -> e.getAsJsonObject().get("origin").getAsString()).toList());
        ModelFile converted = ModelFile.read(out.resolve("ibra-dn511-n100-t1-converted").resolve("model.safetensors"));
        assertEquals("ReLU ANN", converted.provenance().get("converted_from"));
        assertEquals(IbraLifSpec.paperDefault(1), converted.spec().activation());
        assertFalse(Files.exists(out.resolve("ibra-dn511-n100-t1-converted").resolve("metrics.json")), "not trained");
        long parameters = parsed.getFirst().getAsJsonObject().get("parameters").getAsLong();
        for (JsonElement e : parsed) {
            JsonObject row = e.getAsJsonObject();
            double ap50 = row.get("AP50").getAsDouble();
            double map = row.get("mAP50_95").getAsDouble();
            assertTrue(map >= 0 && map <= ap50 && ap50 <= 1, row.toString());
            assertEquals(6, row.get("test_images").getAsInt());
            assertEquals(parameters, row.get("parameters").getAsLong(), "neurons add no parameters");
            assertTrue(row.get("energy_mj").getAsDouble() > 0, row.toString());
        }
        assertTrue(parameters > 1_000_000, "spikeyolo-pico-conv has about 3.9 M parameters, got " + parameters);
        assertTrue(parsed.get(2).getAsJsonObject().get("sops_per_image").getAsDouble() > 0);
        assertTrue(parsed.get(3).getAsJsonObject().get("sops_per_image").getAsDouble() > 0);
        assertNotNull(ImageIO.read(out.resolve("table6.png").toFile()));
        Path convertedFile = out.resolve("ibra-dn511-n100-t1-converted").resolve("model.safetensors");
        FileTime convertedAt = Files.getLastModifiedTime(convertedFile);
        run("ablation", "table6", "--epochs", "1", "--train-limit", "32", "--test-limit", "6", "--lr", "0.03",
                "--average", "0.5", "--root", scenes.toString(), "--out", out.toString()).succeeded();
        assertEquals(convertedAt, Files.getLastModifiedTime(convertedFile), "a finished conversion is reused");
        assertEquals(md, Files.readString(out.resolve("table6.md")));

        Path never = dir.resolve("never");
        for (String[] bad : List.of(new String[] {"--dataset", "fashion-mnist"},
                new String[] {"--arch", "resnet-tiny", "--root", scenes.toString()})) {
            CliRun refused = run(concat(new String[] {"ablation", "table6", "--epochs", "1", "--out", never.toString()},
                    bad));
            assertEquals(2, refused.code(), refused.err());
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
            assertTrue(refused.err().contains(bad[0].equals("--dataset") ? "table6 needs a detection dataset (coco, yolo); "
                    + "fashion-mnist holds class labels" : "table6 needs an architecture for the task 'detect'; "
                    + "resnet-tiny is built for 'classify'"), refused.err());
            assertFalse(Files.exists(never), "a refused run writes nothing");
        }
        CliRun refused = run("ablation", "table4", "--root", scenes.toString(), "--dataset", "coco", "--out",
                never.toString());
        assertTrue(refused.code() == 2 && refused.err().contains("table4 needs a dataset of class labels; coco holds boxes"), refused.err());
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }
}
