package org.ibrasnn.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import org.ibrasnn.djl.train.EpochMetrics;
import org.ibrasnn.djl.train.TrainingListener;

/** Draws one progress bar per epoch (batch, loss, accuracy, images/s, ETA) and a line per finished epoch. */
final class ProgressListener implements TrainingListener {

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
    public void batchFinished(int batch, double loss, double accuracy, double imagesPerSecond) {
        bar.stepTo(batch);
        bar.setExtraMessage(String.format(" %.0f img/s, loss %.3f, acc %.1f%%", imagesPerSecond, loss, 100 * accuracy));
    }

    @Override
    public void evaluating(int images) {
        bar.setExtraMessage(" evaluating on " + images + " test images...");
    }

    @Override
    public void epochFinished(EpochMetrics m) {
        bar.close();
        out.printf("epoch %d: train loss %.4f, train acc %.2f%%, test acc %.2f%%, %.1f s, %.0f img/s, lr %.4f, "
                + "RSS %d MiB%n", m.epoch(), m.trainLoss(), 100 * m.trainAccuracy(), 100 * m.testAccuracy(),
                m.seconds(), m.imagesPerSecond(), m.learningRate(), m.rssBytes() >> 20);
    }
}
