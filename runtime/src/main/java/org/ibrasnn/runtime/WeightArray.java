package org.ibrasnn.runtime;

/** A read-only float array shared by all engine threads (records must not hold raw arrays). */
final class WeightArray {

    final float[] values;

    WeightArray(float[] values) {
        this.values = values;
    }
}
