package org.colonyos.colonies.cli.output;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.colonyos.colonies.cfs.TransferProgress;

/**
 * A progress bar of a transfer (bytes, rate, time left) on the terminal's standard error, through the
 * progressbar library; nothing at all when standard output is not a terminal (piped or redirected), so scripts
 * see only results.
 *
 * <p>Thread-safe: transfer threads report concurrently.
 */
public final class TransferBar implements TransferProgress, AutoCloseable {
    private static final long MIB = 1024L * 1024;
    private final ProgressBar bar;

    private TransferBar(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code totalBytes} named {@code task}, or a silent one when not on a terminal. */
    public static TransferBar start(String task, long totalBytes) {
        if (System.console() == null || totalBytes <= 0) {
            return new TransferBar(null);
        }
        return new TransferBar(new ProgressBarBuilder().setTaskName(task).setInitialMax(totalBytes)
                .setUnit("MiB", MIB).showSpeed().setStyle(ProgressBarStyle.ASCII).build());
    }

    @Override
    public void transferred(long bytes) {
        if (bar != null) {
            bar.stepBy(bytes);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
