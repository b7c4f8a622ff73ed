package org.colonyos.colonies.cli.bench;

import org.colonyos.colonies.sdk.HttpEngine;
import picocli.CommandLine.Option;

/** The options every load bench shares: where the server is, how much load, for how long. A picocli mixin. */
public final class LoadOptions {
    @Option(names = "--local", description = "Start an in-process one-node server in a temporary directory")
    boolean local;

    @Option(names = "--cluster", defaultValue = "0",
            description = "Start an in-process cluster of this many nodes and spread the load over them")
    int clusterSize;

    @Option(names = "--deployed", description = "With --cluster N: run each node as its own server process, as "
            + "deployed (the figure to quote); this JVM is then the load generator only")
    boolean deployed;

    @Option(names = "--via", defaultValue = "all", description = "With --deployed: send the load to all nodes, "
            + "the leader only, or the followers only: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Via via;

    /** Which nodes of a deployed cluster the load goes to. */
    enum Via { all, leader, followers }

    @Option(names = "--executors", defaultValue = "4",
            description = "Executors assigning and closing processes (default ${DEFAULT-VALUE})")
    int executors;

    @Option(names = "--submitters", defaultValue = "2", description = "Clients submitting (default ${DEFAULT-VALUE})")
    int submitters;

    @Option(names = "--inflight", defaultValue = "8", description = "Most units of work submitted but not finished")
    int inflight;

    @Option(names = "--duration", defaultValue = "20", description = "Seconds of measured load")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "20",
            description = "Seconds of load before measuring (the JIT needs them; figures start afterwards)")
    int warmupSeconds;

    @Option(names = "--http-engine", defaultValue = "KEEP_ALIVE_SOCKETS",
            description = "How the load threads call the server: ${COMPLETION-CANDIDATES} (https needs JDK_CLIENT)")
    HttpEngine engine;

    /** Whether the bench starts its own server in this JVM (one node or a cluster) instead of using one. */
    boolean inProcess() {
        return local || clusterSize > 0 && !deployed;
    }
}
