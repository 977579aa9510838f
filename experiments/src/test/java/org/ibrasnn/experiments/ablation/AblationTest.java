package org.ibrasnn.experiments.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.junit.jupiter.api.Test;

/** The ablation lists match the paper. */
class AblationTest {

    @Test
    void table1HasThePapersDAndNSettings() {
        List<String> d = Ablation.TABLE1.entries().stream()
                .map(e -> Ablation.dText((IbraLifSpec) e.activation()) + "/" + ((IbraLifSpec) e.activation()).n()).toList();
        assertEquals(List.of("1.5/10", "3.1/10", "6.3/10", "1.27/100", "2.55/100", "5.11/100", "\u221e/100",
                "1.023/1000", "2.047/1000", "4.095/1000", "8.191/1000", "\u221e/1000"), d);
        assertEquals(List.of("-", "4 x 1", "1 x 4", "1 x 1.5", "1 x 5.11"),
                Ablation.TABLE4.entries().stream().map(e -> Ablation.timesByD(e.activation())).toList());
    }

    @Test
    void namesParseIgnoringCaseAndSettingsGetStableDirectories() {
        assertEquals(Ablation.FIGURE3, Ablation.parse("Figure3"));
        assertEquals("unknown ablation 'table9'; choose table4, table1, figure3 or table6",
                assertThrows(IllegalArgumentException.class, () -> Ablation.parse("table9")).getMessage());
        assertEquals(List.of("ann", "lif-th1.0-soft-t4-alpha0.25", "ilif-d4-t1", "ibra-dn15-n10-t1", "ibra-dn511-n100-t1"),
                Ablation.TABLE4.entries().stream().map(e -> Ablation.slug(e.activation())).toList());
    }

    @Test
    void table6ComparesReluILifAndIbraLifOnTheDetectorThenConvertsTheRelu() {
        assertEquals(List.of("ReLU ANN -", "I-LIF 1 x 4", "IBRA-LIF (N=100) 1 x 5.11",
                "IBRA-LIF (N=100), converted 1 x 5.11"), Ablation.TABLE6.entries().stream()
                .map(e -> e.label() + " " + Ablation.timesByD(e.activation())).toList());
        assertEquals(List.of("ann", "ilif-d4-t1", "ibra-dn511-n100-t1", "ibra-dn511-n100-t1-converted"),
                Ablation.TABLE6.entries().stream().map(Ablation.Entry::directory).toList());
        assertEquals(Arrays.asList(null, null, null, Ablation.CONVERSION),
                Ablation.TABLE6.entries().stream().map(Ablation.Entry::conversion).toList());
        assertEquals("calibrated on 500 training images at the 99.99th percentile",
                Ablation.CONVERSION.capped(500).describe());
        assertEquals("a conversion needs a spiking neuron, not ReLU (ANN)", assertThrows(IllegalArgumentException.class,
                () -> new Ablation.Entry("x", new Relu(), Ablation.CONVERSION)).getMessage());
        assertEquals(new Ablation.Defaults("detect", "spikeyolo-pico-conv", "detect", "coco", 1, 2000, 500),
                Ablation.TABLE6.defaults());
        assertEquals("classify", Ablation.TABLE4.task().name());
        assertEquals("detect", Ablation.TABLE6.task().name());
    }
}
