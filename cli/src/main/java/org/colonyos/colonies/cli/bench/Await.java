package org.colonyos.colonies.cli.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.sdk.ColoniesException;

/** Calls a server until it answers, for the benches that start their own node processes. Stateless. */
final class Await {
    private Await() {
    }

    /** Calls until it succeeds, every 10 ms, for up to {@code seconds}; then the last failure is thrown. */
    static <T> T eventually(Supplier<T> call, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try {
                return call.get();
            } catch (ColoniesException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

    /** The cluster view if it names a leader, else a 503 to call again. */
    static Cluster leaderKnown(Cluster cluster) {
        if (cluster.leader() == null) {
            throw new ColoniesException(503, "no leader yet");
        }
        return cluster;
    }
}
