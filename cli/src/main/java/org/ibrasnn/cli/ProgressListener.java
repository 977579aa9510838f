package org.ibrasnn.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.djl.train.EpochMetrics;
import org.ibrasnn.djl.train.TrainingListener;

/**
 * Draws one progress bar per epoch (batch, loss, the task's metric, images/s, ETA) and a line per finished epoch;
 * closing it ends the line of an epoch that stopped early, so that an error starts on a line of its own.
 */
final class ProgressListener implements TrainingListener, AutoCloseable {

    private final PrintStream out;
    private ProgressBar bar;

    ProgressListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches) {
        bar = ConsoleProgress.bar(String.format("epoch %d/%d", epoch, epochs), batches);
    }

    @Override
    public void batchFinished(int batch, double loss, Metrics train, double imagesPerSecond) {
        bar.stepTo(batch);
        bar.setExtraMessage(String.format(" %.0f img/s, loss %.3f, %s %.1f%%", imagesPerSecond, loss, train.primary(),
                100 * train.value()));
    }

    @Override
    public void evaluating(int images) {
        bar.setExtraMessage(" evaluating on " + images + " test images...");
    }

    @Override
    public void epochFinished(EpochMetrics m) {
        close();
        out.printf("epoch %d: train loss %.4f, train %s %.2f%%, test %s %.2f%%, %.1f s, %.0f img/s, lr %.4f, "
                + "RSS %d MiB%n", m.epoch(), m.trainLoss(), m.train().primary(), 100 * m.train().value(),
                m.test().primary(), 100 * m.test().value(),
                m.seconds(), m.imagesPerSecond(), m.learningRate(), m.rssBytes() >> 20);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
