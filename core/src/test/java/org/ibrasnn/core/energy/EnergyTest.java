package org.ibrasnn.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.Relu;
import org.junit.jupiter.api.Test;

/** Dense MAC counts worked out by hand, and the energy presets. */
class EnergyTest {

    @Test
    void resnet18CifarMacsByHand() {
        List<DenseOperations.LayerMacs> layers = DenseOperations.of(
                Architectures.build("resnet18-cifar", new Shape(3, 32, 32), 10, new Relu()));
        // stem: 64 x 32 x 32 x 3 x 3 x 3 = 1,769,472
        assertEquals(1_769_472L, layers.get(0).macs());
        // a 64->64 3x3 conv at 32x32: 64 x 1024 x 64 x 9 = 37,748,736; four of them in layer1
        assertEquals(37_748_736L, layers.get(1).macs());
        // layer2.0.conv1 (64->128, stride 2, 16x16): 128 x 256 x 64 x 9 = 18,874,368
        DenseOperations.LayerMacs l2 = layers.stream().filter(l -> l.name().equals("layer2.0.conv1")).findFirst()
                .orElseThrow();
        assertEquals(18_874_368L, l2.macs());
        // the 1x1 projection 64->128 at 16x16: 128 x 256 x 64 = 2,097,152
        assertEquals(2_097_152L, layers.stream().filter(l -> l.name().equals("layer2.0.down.conv")).findFirst()
                .orElseThrow().macs());
        // Each later stage costs the same as layer2: 18,874,368 + 3 x 37,748,736 + 2,097,152 = 134,217,728.
        // Total: 1,769,472 + 4 x 37,748,736 + 3 x 134,217,728 + 512 x 10 = 555,422,720.
        assertEquals(555_422_720L, DenseOperations.total(layers));
        // x 4.6 pJ = 2.555 mJ (the paper reports 2.79 mJ for its ResNet-18 ANN).
        assertEquals(2.5549, EnergyModel.FP32.millijoules(DenseOperations.total(layers), 0), 1e-4);
    }

    @Test
    void snnEnergyAndPresets() {
        // 225,792 MACs x 4.6 pJ + 7,219,973 ACs x 0.9 pJ = 1.0386 + 6.4980 uJ = 0.0075366 mJ
        assertEquals(0.0075366, EnergyModel.FP32.millijoules(225_792, 7_219_973), 1e-7);
        assertEquals(0.4, EnergyModel.preset("fp16").acPicojoules());
        assertEquals(0.23, EnergyModel.preset("int8").macPicojoules());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnergyModel.preset("fp64"));
        assertTrue(e.getMessage().contains("fp64"));
        assertThrows(IllegalArgumentException.class, () -> new EnergyModel("x", 0, 1));
    }
}
