package org.ibrasnn.core.task.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoJsonTest {

    @TempDir
    Path dir;

    @Test
    void resultsAreAnArrayOfScoredBoxes() throws Exception {
        Path file = dir.resolve("results.json");
        CocoJson.writeResults(file, List.of(new DetectionBox(3, 7, 1.5, 2, 0.1, 4, 0.123456789012345678)));
        assertEquals("[{\"image_id\":3,\"category_id\":7,\"bbox\":[1.5,2.0,0.1,4.0],\"score\":0.12345678901234568}]",
                Files.readString(file));
    }

    @Test
    void groundTruthNumbersAnnotationsFromOne() throws Exception {
        Path file = dir.resolve("gt.json");
        CocoJson.writeGroundTruth(file, List.of(3L, 4L), Map.of(7, "coat"),
                List.of(new GroundTruthBox(3, 7, 0, 0, 10, 10, 90, true), GroundTruthBox.of(4, 7, 1, 1, 2, 2)));
        var json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("[{\"id\":3},{\"id\":4}]", json.get("images").toString());
        assertEquals("[{\"id\":7,\"name\":\"coat\"}]", json.get("categories").toString());
        assertEquals("{\"id\":1,\"image_id\":3,\"category_id\":7,\"bbox\":[0.0,0.0,10.0,10.0],\"area\":90.0,\"iscrowd\":1}",
                json.get("annotations").getAsJsonArray().get(0).toString());
        assertEquals(2, json.get("annotations").getAsJsonArray().get(1).getAsJsonObject().get("id").getAsInt());
    }
}
