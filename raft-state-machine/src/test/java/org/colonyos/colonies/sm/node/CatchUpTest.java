package org.colonyos.colonies.sm.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A start barrier is tried again while the node keeps applying, and fails once a try saw no progress. */
@Timeout(10)
class CatchUpTest {
    private static CompletableFuture<Void> timedOut() {
        return CompletableFuture.failedFuture(new TimeoutException("read timeout"));
    }

    @Test
    void barriersThatFailWhileTheReplayMovesOnAreTriedAgain() throws Exception {
        AtomicLong applied = new AtomicLong(100);
        AtomicInteger tries = new AtomicInteger();
        CatchUp.await(() -> {
            applied.addAndGet(5_000);
            return tries.incrementAndGet() < 4 ? timedOut() : CompletableFuture.completedFuture(null);
        }, applied::get, () -> false);
        assertEquals(4, tries.get());
    }

    @Test
    void aBarrierThatFailsWithoutProgressFails() {
        AtomicInteger tries = new AtomicInteger();
        AtomicLong applied = new AtomicLong(100);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> CatchUp.await(() -> {
            if (tries.incrementAndGet() == 1) {
                applied.addAndGet(10);
            }
            return timedOut();
        }, applied::get, () -> false));
        assertEquals(TimeoutException.class, failed.getCause().getClass());
        assertEquals(2, tries.get(), "one try with progress, then one without");
    }

    @Test
    void aClosingNodeStopsWaiting() {
        AtomicLong applied = new AtomicLong();
        AtomicInteger tries = new AtomicInteger();
        assertThrows(ExecutionException.class, () -> CatchUp.await(() -> {
            tries.incrementAndGet();
            applied.incrementAndGet();
            return timedOut();
        }, applied::get, () -> true));
        assertEquals(1, tries.get());
    }
}
