package org.ibrasnn.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.junit.jupiter.api.Test;

/**
 * A model file written by format version 1 (the layer-list spec, commit e55dafa) is kept as a fixture: every
 * later version of the reader must still load it as the same architecture with the same tensors.
 */
class FormatV1FixtureTest {

    /** The fixture: resnet-tiny, IBRA-LIF D=5.11 N=100 T=1, training kind, tensors from {@link #tensors}. */
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/resnet-tiny-ibra-v1.safetensors");

    static final long SEED = 20261201L;

    /** The fixture's spec as the catalogue builds it. */
    static ModelSpec spec() {
        return ModelFileTest.tiny(IbraLifSpec.paperDefault(1));
    }

    /** Seeded Gaussian tensors, with running variances made positive (|v| + 0.5) as real statistics are. */
    static Map<String, Tensor> tensors() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        ModelFileTest.randomTensors(spec(), SEED).forEach((name, t) -> {
            if (name.endsWith(".running_var")) {
                float[] v = t.toArray();
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.abs(v[i]) + 0.5f;
                }
                t = Tensor.of(v, t.shape());
            }
            out.put(name, t);
        });
        return out;
    }

    @Test
    void theVersion1FileLoadsAsTheSameArchitectureWithTheSameTensors() throws IOException {
        ModelFile model = ModelFile.read(FIXTURE.toAbsolutePath());
        assertEquals("training", model.kind());
        assertNull(model.data(), "version 1 files do not record their data");
        assertEquals(spec(), model.spec());
        Map<String, Tensor> expected = tensors();
        assertEquals(expected.keySet(), model.tensors().keySet());
        expected.forEach((name, t) -> {
            assertArrayEquals(t.shape(), model.tensors().get(name).shape(), name);
            assertArrayEquals(t.toArray(), model.tensors().get(name).toArray(), 0f, name);
        });
    }
}
