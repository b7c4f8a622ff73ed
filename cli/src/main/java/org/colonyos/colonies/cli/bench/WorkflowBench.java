package org.colonyos.colonies.cli.bench;

import picocli.CommandLine.Command;

/**
 * {@code colonies bench workflow}: diamond workflows (a → b, c → d) end to end, {@code --inflight} of them at a
 * time, with the options of {@code colonies bench}; prints completed workflows/s, process cycles/s and the
 * submit-to-end latency (see {@link LoadRun}).
 */
@Command(name = "workflow", description = "Measure diamond workflows (a -> b, c -> d) end to end")
final class WorkflowBench extends LoadBench {
    @Override
    Workload workload() {
        return Workload.DIAMONDS;
    }
}
