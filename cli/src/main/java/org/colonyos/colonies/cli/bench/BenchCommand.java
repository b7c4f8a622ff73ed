package org.colonyos.colonies.cli.bench;

import picocli.CommandLine.Command;

/**
 * {@code colonies bench}: single processes, submit → assign → close, for a fixed time (see {@link LoadRun}),
 * against a server or with {@code --local} / {@code --cluster N} an in-process one. Subcommands measure
 * workflows and failover.
 */
@Command(name = "bench", description = "Measure submit/assign/close throughput and latencies",
        subcommands = {WorkflowBench.class, FailoverBench.class, FsBench.class, OverloadBench.class})
public final class BenchCommand extends LoadBench {
    @Override
    Workload workload() {
        return Workload.PROCESSES;
    }
}
