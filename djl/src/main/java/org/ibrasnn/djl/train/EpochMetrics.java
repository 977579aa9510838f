package org.ibrasnn.djl.train;

import org.ibrasnn.core.task.Metrics;

/**
 * What one epoch achieved (the task's running training metric and its test metrics), and the process's
 * resident memory when it ended (current and peak), so that a run shows whether memory stays flat from
 * epoch to epoch.
 */
public record EpochMetrics(int epoch, double trainLoss, Metrics train, Metrics test,
                           double seconds, double imagesPerSecond, float learningRate, long rssBytes,
                           long peakRssBytes) {}
