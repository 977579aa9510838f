package org.ibrasnn.djl.train;

/**
 * What one epoch achieved, and the process's resident memory when it ended (current and peak), so that
 * a run shows whether memory stays flat from epoch to epoch.
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testAccuracy,
                           double seconds, double imagesPerSecond, float learningRate, long rssBytes,
                           long peakRssBytes) {}
