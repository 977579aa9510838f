package org.ibrasnn.core.data;

import static org.ibrasnn.core.data.IdxFixtures.images;
import static org.ibrasnn.core.data.IdxFixtures.labels;
import static org.ibrasnn.core.data.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locating and loading Fashion-MNIST, on fixtures and on the real Debian files. */
class FashionMnistTest {

    @TempDir
    Path tmp;

    private Path fixture(String name) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(name));
        write(d, "train-images-idx3-ubyte", images(2, 28, 28));
        write(d, "train-labels-idx1-ubyte", labels(IdxReader.LABEL_MAGIC, 1, 2));
        write(d, "t10k-images-idx3-ubyte.gz", IdxFixtures.gzip(images(1, 28, 28)));
        write(d, "t10k-labels-idx1-ubyte.gz", IdxFixtures.gzip(labels(IdxReader.LABEL_MAGIC, 5)));
        return d;
    }

    @Test
    void lookupOrder() throws IOException {
        Path root = fixture("root");
        Path env = fixture("env");
        Path system = fixture("system");
        Path nested = fixture("data/fashion-mnist");
        assertEquals(root, FashionMnist.locate(root, Map.of("IBRA_DATA", env.toString()), system));
        assertEquals(env, FashionMnist.locate(null, Map.of("IBRA_DATA", env.toString()), system));
        assertEquals(nested, FashionMnist.locate(null, Map.of("IBRA_DATA", tmp.resolve("data").toString()), system));
        assertEquals(system, FashionMnist.locate(null, Map.of(), system));
    }

    @Test
    void invalidRootDoesNotFallBack() throws IOException {
        Path system = fixture("system");
        IOException e = assertThrows(IOException.class,
                () -> FashionMnist.locate(tmp.resolve("empty"), Map.of(), system));
        assertTrue(e.getMessage().contains("the dataset root does not hold the Fashion-MNIST files")
                && !e.getMessage().contains("--"), e.getMessage());
    }

    @Test
    void notFoundListsEveryPlaceAndTheInstallHint() {
        IOException e = assertThrows(IOException.class,
                () -> FashionMnist.locate(null, Map.of("IBRA_DATA", "/nowhere/data"), tmp.resolve("sys")));
        assertTrue(e.getMessage().contains("/nowhere/data") && e.getMessage().contains(tmp.resolve("sys").toString())
                && e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void loadsMixedPlainAndGzipFixture() throws IOException {
        Splits loaded = FashionMnist.loadFrom(fixture("mixed"));
        assertEquals(2, loaded.train().size());
        assertEquals(5, loaded.test().label(0));
        assertEquals(64, loaded.checksum().length());
    }

    @Test
    void realDebianFiles() throws IOException {
        assertTrue(Files.isDirectory(FashionMnist.SYSTEM_DIR), FashionMnist.SYSTEM_DIR
                + " is missing: install it with apt-get install dataset-fashion-mnist (./run-tests does this as root)");
        Splits loaded = FashionMnist.loadFrom(FashionMnist.SYSTEM_DIR);
        assertEquals(60000, loaded.train().size());
        assertEquals(10000, loaded.test().size());
        int[] sixThousand = new int[10];
        int[] oneThousand = new int[10];
        java.util.Arrays.fill(sixThousand, 6000);
        java.util.Arrays.fill(oneThousand, 1000);
        assertArrayEquals(sixThousand, loaded.train().classCounts());
        assertArrayEquals(oneThousand, loaded.test().classCounts());
        assertEquals("1x28x28", loaded.train().shape().toString());
    }
}
