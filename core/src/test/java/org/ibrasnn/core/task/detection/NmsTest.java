package org.ibrasnn.core.task.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmsTest {

    private static Candidate box(int category, double score, double height) {
        return new Candidate(category, score, 0, 0, 10, height);
    }

    @Test
    void suppressesOnlyOverlapsAboveTheThreshold() {
        Candidate best = box(0, 0.9, 10);
        Candidate above = box(0, 0.8, 8); // IoU 0.8
        Candidate at = box(0, 0.7, 7); // IoU 0.7: kept
        Candidate below = box(0, 0.6, 6); // IoU 0.6 with best, 6/7 with at: suppressed by at
        assertEquals(List.of(best, at), Nms.suppress(List.of(below, above, at, best), 0.7, 300));
    }

    @Test
    void keepsOverlapsOfOtherClasses() {
        Candidate a = box(0, 0.9, 10);
        Candidate b = box(1, 0.8, 10);
        assertEquals(List.of(a, b), Nms.suppress(List.of(b, a), 0.7, 300));
    }

    @Test
    void equalScoresKeepTheEarlierCandidate() {
        Candidate tall = box(0, 0.5, 10);
        Candidate short_ = box(0, 0.5, 9);
        assertEquals(List.of(tall), Nms.suppress(List.of(tall, short_), 0.7, 300));
        assertEquals(List.of(short_), Nms.suppress(List.of(short_, tall), 0.7, 300));
    }

    @Test
    void keepsTheBestUpToTheCap() {
        List<Candidate> disjoint = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            disjoint.add(new Candidate(0, i / 400.0, 20 * i, 0, 20 * i + 10, 10));
        }
        List<Candidate> kept = Nms.suppress(disjoint, 0.7, 300);
        assertEquals(300, kept.size());
        assertEquals(disjoint.get(399), kept.get(0));
        assertEquals(disjoint.get(100), kept.get(299));
    }
}
