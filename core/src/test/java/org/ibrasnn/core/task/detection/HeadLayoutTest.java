package org.ibrasnn.core.task.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.ibrasnn.core.model.Shape;
import org.junit.jupiter.api.Test;

class HeadLayoutTest {

    private static final int R = HeadLayout.REG_MAX;
    /** One stride-8 level, 1 x 2 cells, two classes. */
    private static final Shape LEVEL = new Shape(HeadLayout.channels(2), 1, 2);

    @Test
    void decodesACellWorkedByHand() {
        float[] out = new float[LEVEL.size()];
        Arrays.fill(out, -1000);
        int cell = 1; // (y, x) = (0, 1): anchor (12, 4)
        // l: bins 1 and 3 equal -> 2 strides; t: all bins equal -> 7.5; r: bin 0 -> 0; b: bin 15 -> 15.
        out[channel(0, 1) + cell] = 0;
        out[channel(0, 3) + cell] = 0;
        for (int k = 0; k < R; k++) {
            out[channel(1, k) + cell] = 5;
        }
        out[channel(2, 0) + cell] = 0;
        out[channel(3, 15) + cell] = 0;
        out[(4 * R + 1) * 2 + cell] = 0; // class 1: sigmoid(0) = 0.5; class 0 stays at -1000
        List<Candidate> c = HeadLayout.candidates(List.of(LEVEL), out, 0.001);
        assertEquals(List.of(new Candidate(1, 0.5, 12 - 2 * 8, 4 - 7.5 * 8, 12 + 0, 4 + 15 * 8)), c);
    }

    @Test
    void keepsOnlyScoresAboveTheThreshold() {
        float[] out = new float[LEVEL.size()];
        Arrays.fill(out, -1000);
        out[(4 * R) * 2] = (float) logit(0.0011);
        out[(4 * R + 1) * 2] = (float) logit(0.0009);
        out[(4 * R + 1) * 2 + 1] = (float) logit(0.0011);
        List<Candidate> c = HeadLayout.candidates(List.of(LEVEL), out, 0.001);
        assertEquals(List.of(0, 1), c.stream().map(Candidate::category).toList());
        assertEquals(List.of(4.0, 12.0), c.stream().map(x -> (x.x1() + x.x2()) / 2).toList());
    }

    @Test
    void refusesOutputsOfAnotherSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadLayout.candidates(List.of(LEVEL), new float[3], 0.001));
        assertEquals("detector outputs have 3 values, the levels [66x1x2] hold 132", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HeadLayout.candidates(List.of(LEVEL, LEVEL, LEVEL, LEVEL), new float[0], 0.001));
        assertEquals("a detector has at most 3 levels, not 4", e.getMessage());
    }

    /** Channel {@code side * R + bin}'s offset in a 1 x 2 map. */
    private static int channel(int side, int bin) {
        return (side * R + bin) * 2;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
