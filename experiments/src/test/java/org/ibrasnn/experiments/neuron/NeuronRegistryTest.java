package org.ibrasnn.experiments.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.neuron.ResetMode;
import org.junit.jupiter.api.Test;

/** The standard names build the family's settings with their defaults, and the registry takes new names. */
class NeuronRegistryTest {

    private final NeuronParameters defaults = NeuronParameters.defaults();

    @Test
    void standardSettingsUseTheirDefaults() {
        NeuronRegistry registry = NeuronRegistry.standard();
        assertEquals(List.of("ann", "lif", "ilif", "iblif", "ibra"), registry.names());
        assertEquals(new Relu(), registry.create("ann", defaults));
        assertEquals(new LifSpec(1.0, ResetMode.SOFT, 2.0, 0.25, 1), registry.create("lif", defaults));
        assertEquals(new ILifSpec(4, 0.25, 1), registry.create("ilif", defaults));
        assertEquals(IbLifSpec.ofD(15, 0.25, 1), registry.create("iblif", defaults));
        assertEquals(IbraLifSpec.paperDefault(1), registry.create("ibra", defaults));
        NeuronParameters given = new NeuronParameters(OptionalDouble.of(1.5), OptionalInt.of(10), 4, 0.5, 1.0,
                ResetMode.HARD);
        assertEquals(new IbraLifSpec(1.5, 10, 0.5, 4), registry.create("ibra", given));
    }

    @Test
    void badNamesAndValuesAreNamed() {
        NeuronRegistry registry = NeuronRegistry.standard();
        var unknown = assertThrows(IllegalArgumentException.class, () -> registry.create("relu6", defaults));
        assertEquals("unknown neuron 'relu6'; choose ann, lif, ilif, iblif or ibra", unknown.getMessage());
        NeuronParameters fractional = new NeuronParameters(OptionalDouble.of(2.5), OptionalInt.empty(), 1, 0.25, 1.0,
                ResetMode.SOFT);
        var d = assertThrows(IllegalArgumentException.class, () -> registry.create("ilif", fractional));
        assertTrue(d.getMessage().contains("integer D") && d.getMessage().contains("D=2.5"), d.getMessage());
    }

    @Test
    void registeredSettingsJoinTheChoices() {
        NeuronRegistry registry = NeuronRegistry.standard().register("ibra-n10",
                p -> new IbraLifSpec(p.d().orElse(1.5), 10, p.alpha(), p.timesteps()));
        assertEquals(new IbraLifSpec(1.5, 10, 0.25, 1), registry.create("ibra-n10", defaults));
        var unknown = assertThrows(IllegalArgumentException.class, () -> registry.create("x", defaults));
        assertTrue(unknown.getMessage().endsWith("ibra or ibra-n10"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> registry.register("lif", p -> new Relu()));
    }
}
