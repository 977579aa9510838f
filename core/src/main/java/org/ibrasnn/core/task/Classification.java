package org.ibrasnn.core.task;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Image classification: the network ends in one real-valued logit per class, scored by top-1 accuracy. */
public final class Classification implements Task {

    /** The registry name. */
    public static final String NAME = "classify";

    /** The primary metric: the fraction of items whose first maximal logit is their label. */
    public static final String ACCURACY = "accuracy";

    static final Classification INSTANCE = new Classification();

    private Classification() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String metricName() {
        return ACCURACY;
    }

    @Override
    public Optional<String> headProblem(List<Head> heads) {
        if (heads.size() != 1) {
            return Optional.of("classification needs one output, the network has " + heads.size());
        }
        Head head = heads.get(0);
        if (!head.realValued()) {
            return Optional.of("the network must end in real-valued logits (a linear layer), not " + head.values());
        }
        if (!head.output().isFlat() || head.output().channels() != head.declared()) {
            return Optional.of("network outputs " + head.output() + " but " + head.declared()
                    + " class logits were declared");
        }
        return Optional.empty();
    }

    /** The predicted class: the index of the largest logit, the first one on ties. */
    public static int decode(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public Evaluator evaluator(List<Head> heads, int count) {
        return new TopOne(count);
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** Top-1 accuracy over a fixed number of items. */
    private static final class TopOne implements Evaluator {
        private final int[] predictions;

        TopOne(int count) {
            predictions = new int[count];
        }

        @Override
        public void add(int index, float[] outputs) {
            predictions[index] = decode(outputs);
        }

        @Override
        public List<Integer> predictions() {
            return Arrays.stream(predictions).boxed().toList();
        }

        @Override
        public Metrics score(Targets targets) {
            int correct = 0;
            for (int i = 0; i < predictions.length; i++) {
                correct += predictions[i] == targets.label(i) ? 1 : 0;
            }
            return Metrics.of(ACCURACY, predictions.length == 0 ? 0 : (double) correct / predictions.length);
        }
    }
}
