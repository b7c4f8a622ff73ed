package org.colonyos.colonies.http;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded polling for tests: look again every 20 ms until something holds, and fail with a message computed
 * at the deadline (so it shows what was seen last). Stateless.
 */
public final class Eventually {
    private static final long PAUSE_MILLIS = 20;

    private Eventually() {
    }

    /** Waits until {@code condition} holds; after {@code timeout} fails with {@code failure}'s message. */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> failure)
            throws InterruptedException {
        value(timeout, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), failure);
    }

    /** Waits until {@code probe} yields a value and returns it; after {@code timeout} fails with {@code failure}. */
    public static <T> T value(Duration timeout, Supplier<Optional<T>> probe, Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> seen = probe.get();
            if (seen.isPresent()) {
                return seen.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(PAUSE_MILLIS);
        }
    }
}
