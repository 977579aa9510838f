package org.ibrasnn.core.data;

/**
 * Turns an event stream into T frames of 2 polarity channels (channel 0: OFF, 1: ON) holding event counts,
 * optionally down-sampled by summing {@code pool x pool} pixel blocks. The same transform serves training
 * and inference. Splitting by {@link Split#COUNT} gives every frame {@code max(1, N / T)} events (the last
 * takes the rest); by {@link Split#TIME} every frame spans {@code max(1, (t_last - t_first) / T)}
 * microseconds (integer division; the last frame runs to the end, earlier timestamps join the first).
 */
public final class EventFrames {

    /** How the recording is cut into frames. */
    public enum Split { TIME, COUNT }

    private EventFrames() {}

    /** Frames as one flat array, frame-major: {@code [T][2][height / pool][width / pool]}. */
    public static float[] of(EventStream events, int frames, Split split, int pool) {
        if (frames < 1) {
            throw new IllegalArgumentException("need at least 1 frame, got " + frames);
        }
        if (pool < 1 || events.width() % pool != 0 || events.height() % pool != 0) {
            throw new IllegalArgumentException("down-sampling factor " + pool + " must divide the sensor size "
                    + events.width() + "x" + events.height());
        }
        int w = events.width() / pool;
        int h = events.height() / pool;
        float[] out = new float[frames * 2 * h * w];
        int n = events.size();
        if (n == 0) {
            return out;
        }
        long t0 = events.t(0);
        long span = Math.max(1, (events.t(n - 1) - t0) / frames);
        for (int i = 0; i < n; i++) {
            int f = switch (split) {
                case COUNT -> Math.min(frames - 1, i / Math.max(1, n / frames));
                case TIME -> (int) Math.max(0, Math.min(frames - 1, (events.t(i) - t0) / span));
            };
            int channel = events.on(i) ? 1 : 0;
            out[((f * 2 + channel) * h + events.y(i) / pool) * w + events.x(i) / pool] += 1;
        }
        return out;
    }
}
