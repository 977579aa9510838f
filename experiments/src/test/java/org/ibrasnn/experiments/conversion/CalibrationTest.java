package org.ibrasnn.experiments.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A calibration needs images and names itself in the converted model's provenance. */
class CalibrationTest {

    @Test
    void needsAtLeastOneImage() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Calibration(0, 99.99));
        assertEquals("the calibration image count must be >= 1, got 0", e.getMessage());
    }

    @Test
    void describesItself() {
        assertEquals("calibrated on 16 training images at the 99.99th percentile", new Calibration(16, 99.99).describe());
    }
}
