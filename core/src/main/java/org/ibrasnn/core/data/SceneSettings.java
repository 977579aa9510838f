package org.ibrasnn.core.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link SceneGenerator} composes synthetic detection scenes: a square single-channel {@code canvas}, 1 to
 * {@code maxObjects} garments per scene, each scaled to a square side in [{@code minSide}, {@code maxSide}] and
 * placed with IoU below {@code maxIou} against those already placed; {@code trainScenes} and {@code testScenes}
 * scenes, all drawn from {@code seed}. {@link #REFERENCE} is the set every figure is quoted on.
 */
public record SceneSettings(int canvas, int minSide, int maxSide, int maxObjects, double maxIou, int trainScenes,
                            int testScenes, long seed) {

    /** The reference scenes: 64x64, 1-4 garments of side 16-48, IoU < 0.3, 20000 train and 2000 test, seed 0. */
    public static final SceneSettings REFERENCE = new SceneSettings(64, 16, 48, 4, 0.3, 20000, 2000, 0);

    /** A setting outside its range; {@link #setting()} is the record component at fault. */
    public static final class InvalidSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String setting;

        InvalidSetting(String setting, String fault) {
            super(fault);
            this.setting = setting;
        }

        /** The name of the record component at fault, e.g. {@code maxSide}. */
        public String setting() {
            return setting;
        }
    }

    public SceneSettings {
        check("canvas", canvas >= 8 && canvas <= 4096, "the canvas side must be in [8, 4096], got " + canvas);
        check("minSide", minSide >= 2 && minSide <= canvas, "the smallest garment side must be in [2, " + canvas
                + "] (the canvas), got " + minSide);
        check("maxSide", maxSide >= minSide && maxSide <= canvas, "the largest garment side must be in [" + minSide
                + ", " + canvas + "] (smallest side to canvas), got " + maxSide);
        check("maxObjects", maxObjects >= 1 && maxObjects <= 100, "the most garments per scene must be in [1, 100], "
                + "got " + maxObjects);
        check("maxIou", maxIou > 0 && maxIou <= 1, "the IoU bound must be in (0, 1], got " + maxIou);
        check("trainScenes", trainScenes >= 1, "the number of train scenes must be >= 1, got " + trainScenes);
        check("testScenes", testScenes >= 1, "the number of test scenes must be >= 1, got " + testScenes);
    }

    private static void check(String setting, boolean ok, String fault) {
        if (!ok) {
            throw new InvalidSetting(setting, fault);
        }
    }

    /** The settings by name, in a fixed order, as the scene files record them. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("canvas", canvas);
        m.put("min_side", minSide);
        m.put("max_side", maxSide);
        m.put("max_objects", maxObjects);
        m.put("max_iou", maxIou);
        m.put("train_scenes", trainScenes);
        m.put("test_scenes", testScenes);
        m.put("seed", seed);
        return m;
    }
}
