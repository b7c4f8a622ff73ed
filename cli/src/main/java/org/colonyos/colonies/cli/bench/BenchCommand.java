package org.colonyos.colonies.cli.bench;

import java.util.concurrent.Callable;
import org.colonyos.colonies.cli.ClientOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code colonies bench}: single processes, submit → assign → close, for a fixed time (see {@link LoadRun}),
 * against a server or with {@code --local} / {@code --cluster N} an in-process one. Subcommands measure
 * workflows and failover.
 */
@Command(name = "bench", description = "Measure submit/assign/close throughput and latencies",
        subcommands = {WorkflowBench.class, FailoverBench.class})
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Mixin
    LoadOptions load;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new LoadRun(load, Workload.PROCESSES).run(options, spec.commandLine().getOut());
        return 0;
    }
}
