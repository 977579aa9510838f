package org.ibrasnn.cli;

import org.ibrasnn.djl.train.Recipe;
import picocli.CommandLine.Option;

/** The recipe options {@code train} and {@code ablation} share: a named recipe and what may override it. */
final class RecipeOptions {

    @Option(names = "--recipe", description = "Recipe: " + Recipe.NAMES + " (default: quick, or detect for "
            + "detectors).")
    private String recipeName;

    @Option(names = "--epochs", description = "Epochs (default: from the recipe).")
    private Integer epochs;

    @Option(names = "--batch", description = "Batch size (default: from the recipe).")
    private Integer batch;

    @Option(names = "--lr", description = "Peak learning rate (default: from the recipe).")
    private Float learningRate;

    @Option(names = "--average", paramLabel = "DECAY", description = "Evaluate and export an exponential moving "
            + "average of the weights, with this decay per update in [0, 1), e.g. 0.999, and BN statistics "
            + "re-estimated for it on 50 training batches (default: from the recipe; 0: off).")
    private Float averaging;

    @Option(names = "--clip", paramLabel = "NORM", description = "Scale each update's gradient down to this L2 norm "
            + "over all parameters where it is larger, e.g. 10 (default: from the recipe; 0: off).")
    private Float gradientClip;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    /** The recipe asked for ({@code defaultName} without {@code --recipe}), every option checked and applied. */
    Recipe recipe(String defaultName) {
        Recipe base = Recipe.named(recipeName != null ? recipeName : defaultName, seed);
        if (OptionChecks.atLeast("--epochs", epochs, 1) != null) {
            base = base.withEpochs(epochs);
        }
        if (OptionChecks.atLeast("--batch", batch, 1) != null) {
            base = base.withBatchSize(batch);
        }
        if (learningRate != null) {
            if (!(learningRate > 0) || learningRate.isInfinite()) {
                throw new IllegalArgumentException("--lr must be a finite number > 0, got " + learningRate);
            }
            base = base.withLearningRate(learningRate);
        }
        if (averaging != null) {
            if (!(averaging >= 0 && averaging < 1)) {
                throw new IllegalArgumentException("--average must be in [0, 1), got " + averaging);
            }
            base = base.withAveraging(averaging);
        }
        if (gradientClip != null) {
            if (!(gradientClip >= 0) || gradientClip.isInfinite()) {
                throw new IllegalArgumentException("--clip must be a finite number >= 0, got " + gradientClip);
            }
            base = base.withGradientClip(gradientClip);
        }
        return base;
    }

    /** Whether {@code --epochs} was given. */
    boolean epochsGiven() {
        return epochs != null;
    }
}
