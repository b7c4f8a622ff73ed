package org.colonyos.colonies.cli.cmd;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reads something every 50 ms until it is as wanted or a timeout passes. Used by {@code --wait}; one thread. */
final class Polling {
    private static final long PAUSE_MILLIS = 50;

    private Polling() {
    }

    /** The first value read that is {@code done}, or the last one read when {@code timeoutSeconds} passed first. */
    static <T> T until(Supplier<T> read, Predicate<T> done, int timeoutSeconds) {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (true) {
            T current = read.get();
            if (done.test(current) || System.nanoTime() > deadline) {
                return current;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
        }
    }
}
