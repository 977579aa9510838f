package org.ibrasnn.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record writer and strict reader on a small record holding every supported kind of value. */
class RecordJsonTest {

    enum Colour { RED, GREEN }

    record Point(int x, long big, double weight, float ratio) {
        Point {
            if (x < 0) {
                throw new IllegalArgumentException("x must be >= 0, got " + x);
            }
        }
    }

    record Sample(String name, boolean done, Colour colour, List<Point> points, Map<String, Double> values) {}

    private static final RecordJson.Schema SCHEMA = new RecordJson.Schema("test/sample", 2);
    private static final Sample SAMPLE = new Sample("a", true, Colour.GREEN,
            List.of(new Point(1, 1L << 40, Double.NaN, 0.5f), new Point(2, -3, Double.POSITIVE_INFINITY, 1e-3f)),
            Map.of("accuracy", 0.91));

    @TempDir
    Path dir;

    private Path written() throws IOException {
        Path file = dir.resolve("sample.json");
        RecordJson.write(file, SCHEMA, SAMPLE, Map.of("point_count", 2));
        return file;
    }

    private RecordFormatException broken(String from, String to) throws IOException {
        Path file = written();
        String json = Files.readString(file);
        assertTrue(json.contains(from), json);
        Files.writeString(file, json.replace(from, to));
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> RecordJson.read(file, SCHEMA, Sample.class));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e;
    }

    @Test
    void roundTripsWithHeaderSnakeCaseAndDerivedValues() throws IOException {
        Path file = written();
        String json = Files.readString(file);
        assertTrue(json.startsWith("{\n  \"schema\": \"test/sample\",\n  \"schema_version\": 2,\n  \"name\": \"a\""), json);
        assertTrue(json.contains("\"point_count\": 2") && json.contains("\"weight\": NaN"), json);
        assertEquals(SAMPLE, RecordJson.read(file, SCHEMA, Sample.class));
    }

    @Test
    void namesTheMissingField() throws IOException {
        assertEquals("field 'points[1].big' is missing", broken("\"big\": -3,", "").fault());
        assertEquals("field 'colour' is missing", broken("\"colour\": \"GREEN\",", "").fault());
    }

    @Test
    void namesTheIllTypedField() throws IOException {
        assertEquals("field 'points[0].x' must be an integer, got \"1\"", broken("\"x\": 1,", "\"x\": \"1\",").fault());
        assertEquals("field 'points[1].x' must be an integer in the range of int, got 2.5",
                broken("\"x\": 2,", "\"x\": 2.5,").fault());
        assertEquals("field 'done' must be true or false, got 1", broken("\"done\": true", "\"done\": 1").fault());
        assertEquals("field 'values.accuracy' must be a number, got \"high\"",
                broken("0.91", "\"high\"").fault());
        assertEquals("field 'name' must be a string, got an array", broken("\"a\",", "[\"a\"],").fault());
        assertEquals("field 'done' must be true or false, got an object", broken("\"done\": true", "\"done\": {}").fault());
    }

    @Test
    void namesAnUnknownEnumValueAndAFieldTheRecordRefuses() throws IOException {
        assertEquals("field 'colour' is 'BLUE', not one of [RED, GREEN]", broken("GREEN", "BLUE").fault());
        assertEquals("field 'points[1]' is invalid: x must be >= 0, got -2", broken("\"x\": 2,", "\"x\": -2,").fault());
    }

    @Test
    void refusesAnotherSchemaAFutureVersionAndAFileWithoutHeader() throws IOException {
        assertEquals("field 'schema' is 'test/other', not 'test/sample'", broken("test/sample", "test/other").fault());
        assertEquals("field 'schema_version' is 3: written by a newer ibra-snn (this build reads test/sample version 2)",
                broken("\"schema_version\": 2", "\"schema_version\": 3").fault());
        assertEquals("field 'schema_version' is 1, a version this build does not read (it reads 2)",
                broken("\"schema_version\": 2", "\"schema_version\": 1").fault());
        assertEquals("field 'schema' is missing", broken("\"schema\": \"test/sample\",", "").fault());
    }

    @Test
    void namesWhereTruncatedJsonEnds() throws IOException {
        Path file = written();
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.indexOf("\"ratio\"")));
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> RecordJson.read(file, SCHEMA, Sample.class));
        assertTrue(e.getMessage().startsWith(file + ": is not complete JSON") && e.getMessage().contains("$.points[0]"),
                e.getMessage());
        Files.writeString(file, "[1]");
        assertEquals(file + ": is not a JSON object",
                assertThrows(RecordFormatException.class, () -> RecordJson.read(file, SCHEMA, Sample.class)).getMessage());
    }

    @Test
    void upgradesAFileWrittenBeforeTheSchema() throws IOException {
        Path file = written();
        Files.writeString(file, Files.readString(file).replace("\"schema\": \"test/sample\",", "")
                .replace("\"name\": \"a\",", ""));
        Sample read = RecordJson.read(file, SCHEMA, Sample.class, o -> {
            o.addProperty("name", "old");
            return o;
        });
        assertEquals("old", read.name());
    }
}
