package org.ibrasnn.djl.train;

/** What one epoch achieved. */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testAccuracy,
                           double seconds, double imagesPerSecond, float learningRate) {}
