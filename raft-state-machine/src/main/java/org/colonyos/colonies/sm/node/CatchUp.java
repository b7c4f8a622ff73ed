package org.colonyos.colonies.sm.node;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Waiting at start until this node can serve linearizable reads. Each read barrier gives up after a bound
 * ({@code ReplicatedNode}'s ten seconds), but a node that restarts on a large state replays its log for longer
 * than that (over ten seconds at a million waiting processes); so a barrier that fails while the applied index
 * keeps moving is tried again, and only one that fails without any progress since the last try counts.
 *
 * <p>Stateless; the caller's thread waits.
 */
final class CatchUp {
    private CatchUp() {
    }

    /**
     * Completes when a barrier succeeds.
     *
     * @param barrier starts one read barrier (which fails after its own bound)
     * @param appliedIndex the node's last applied log index now
     * @param closed whether the node is closing (then the last failure counts)
     * @throws ExecutionException the failure of a barrier during which nothing was applied
     */
    static void await(Supplier<CompletableFuture<Void>> barrier, LongSupplier appliedIndex, BooleanSupplier closed)
            throws ExecutionException, InterruptedException {
        long applied = appliedIndex.getAsLong();
        while (true) {
            try {
                barrier.get().get();
                return;
            } catch (ExecutionException failed) {
                long now = appliedIndex.getAsLong();
                if (now <= applied || closed.getAsBoolean()) {
                    throw failed;
                }
                applied = now;
            }
        }
    }
}
