package org.colonyos.colonies.cli.bench;

import picocli.CommandLine.Command;

/**
 * {@code colonies bench}: single processes, submit → assign → close, for a fixed time (see {@link LoadRun}),
 * against a server, with {@code --local} / {@code --cluster N} an in-process one, or with {@code --cluster N
 * --deployed} node processes of their own. Subcommands measure workflows, channels, failover, CFS, overload and
 * scale.
 */
@Command(name = "bench", description = "Measure submit/assign/close throughput and latencies",
        subcommands = {WorkflowBench.class, ChannelBench.class, FailoverBench.class, FsBench.class, OverloadBench.class,
            ScaleBench.class})
public final class BenchCommand extends LoadBench {
    @Override
    Workload workload() {
        return Workload.PROCESSES;
    }
}
