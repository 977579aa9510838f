package org.ibrasnn.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ibrasnn.djl.train.TrainingListener;
import org.ibrasnn.experiments.Progress;

/** Library progress as the commands show it: bars and training lines on standard error, notes on {@code out}. */
final class ConsoleProgress implements Progress {

    private final PrintWriter out;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    static ProgressBar bar(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).continuousUpdate().build();
    }

    @Override
    public Task start(String name, long total) {
        ProgressBar bar = bar(name, total);
        return new Task() {
            @Override
            public void stepTo(long done) {
                bar.stepTo(done);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    @Override
    public TrainingListener training() {
        return new ProgressListener(System.err);
    }

    @Override
    public void note(String line) {
        out.println(line);
        out.flush();
    }
}
