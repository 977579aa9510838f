package org.ibrasnn.core.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A task's metrics by name, one of them primary (the one printed and compared). */
public record Metrics(String primary, Map<String, Double> values) {

    public Metrics {
        if (!values.containsKey(primary)) {
            throw new IllegalArgumentException("metrics " + values.keySet() + " lack the primary " + primary);
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A single metric. */
    public static Metrics of(String name, double value) {
        return new Metrics(name, Map.of(name, value));
    }

    /** The primary metric's value. */
    public double value() {
        return values.get(primary);
    }
}
