package org.ibrasnn.djl.train;

/** Update rules the trainer offers. */
public enum OptimizerKind {
    /** SGD with momentum: {@code m = mu * m + lr * (g + wd * w); w -= m}. */
    SGD,
    /** Adam with decoupled weight decay: {@code w -= lr * wd * w}, then the bias-corrected Adam step. */
    ADAMW
}
