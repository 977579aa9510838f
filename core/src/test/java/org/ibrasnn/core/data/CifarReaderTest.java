package org.ibrasnn.core.data;

import static org.ibrasnn.core.data.DatasetFixtures.cifarBatch;
import static org.ibrasnn.core.data.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ibrasnn.core.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10/100 binary batches: round trip and broken fixtures. */
class CifarReaderTest {

    @TempDir
    Path dir;

    private void fails(Path file, CifarReader.Variant variant, String... fault) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> CifarReader.read("t", dir, List.of(file.getFileName().toString()), variant));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        for (String f : fault) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention " + f);
        }
    }

    @Test
    void readsCifar10AndCifar100FineLabels() throws IOException {
        write(dir, "a.bin", cifarBatch(1, 3, 9));
        write(dir, "b.bin", cifarBatch(1, 0));
        ImageDataset ten = CifarReader.read("c10", dir, List.of("a.bin", "b.bin"), CifarReader.Variant.CIFAR10);
        assertEquals(new Shape(3, 32, 32), ten.shape());
        assertEquals(3, ten.size());
        assertEquals(9, ten.label(1));
        assertEquals(0, ten.label(2));
        assertEquals(1, ten.pixel(1, 0), "record 1, pixel 0 = (1 + 0)");
        assertEquals(5, ten.pixel(0, 5));
        write(dir, "c.bin", cifarBatch(2, 4, 99, 19, 0));
        ImageDataset hundred = CifarReader.read("c100", dir, List.of("c.bin"), CifarReader.Variant.CIFAR100);
        assertEquals(99, hundred.label(0), "fine label is the second byte");
        assertEquals(0, hundred.label(1));
        assertEquals(100, hundred.classes());
        assertEquals(7, hundred.pixel(1, 6));
    }

    @Test
    void lengthMustBeAPositiveMultipleOfTheRecord() throws IOException {
        fails(write(dir, "empty.bin", new byte[0]), CifarReader.Variant.CIFAR10, "length 0", "3073");
        byte[] one = cifarBatch(1, 1);
        fails(write(dir, "cut.bin", java.util.Arrays.copyOf(one, 3000)), CifarReader.Variant.CIFAR10, "3000");
        fails(write(dir, "c100.bin", one), CifarReader.Variant.CIFAR100, "3074");
    }

    @Test
    void labelsOutOfRange() throws IOException {
        fails(write(dir, "bad10.bin", cifarBatch(1, 2, 10)), CifarReader.Variant.CIFAR10, "label 10", "item 1");
    }

    @Test
    void cifar100FineAndCoarseLabelsOutOfRange() throws IOException {
        fails(write(dir, "fine.bin", cifarBatch(2, 0, 100)), CifarReader.Variant.CIFAR100, "label 100", "[0, 100)");
        fails(write(dir, "coarse.bin", cifarBatch(2, 3, 5, 20, 5)), CifarReader.Variant.CIFAR100, "label 20", "item 1",
                "[0, 20)");
    }

    @Test
    void missingStandardFilesAreListed() throws IOException {
        write(dir, "data_batch_1.bin", cifarBatch(1, 1));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> CifarReader.load(dir, CifarReader.Variant.CIFAR10));
        assertTrue(e.getMessage().contains("data_batch_2.bin") && e.getMessage().contains("test_batch.bin"),
                e.getMessage());
    }
}
