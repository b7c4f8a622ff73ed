package org.colonyos.colonies.sm.snapshot;

/**
 * When the next automatic snapshot may start: after an export that took {@code t}, not before {@code PACING * t}
 * has passed since it ended, so the snapshot thread works at most {@code 1 / (PACING + 1)} of the time however
 * large the state grows. Times are {@code System.nanoTime} values.
 *
 * <p>Thread-safe: the export thread records, the apply thread asks.
 */
final class SnapshotPacing {
    /** A paced start waits this many times the last export's duration after it ended. */
    static final int PACING = 2;

    private long lastEndedNanos;
    private long lastTookNanos;

    /** Records an export that ran from {@code startedNanos} to {@code endedNanos}. */
    synchronized void exported(long startedNanos, long endedNanos) {
        lastEndedNanos = endedNanos;
        lastTookNanos = endedNanos - startedNanos;
    }

    /** Whether a paced snapshot may start at {@code nowNanos}. */
    synchronized boolean mayStart(long nowNanos) {
        return lastTookNanos <= 0 || nowNanos - lastEndedNanos >= PACING * lastTookNanos;
    }
}
