package org.colonyos.colonies.cli.bench;

import java.util.concurrent.Callable;
import org.colonyos.colonies.cli.ClientOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code colonies bench workflow}: diamond workflows (a → b, c → d) end to end, {@code --inflight} of them at a
 * time, with the options of {@code colonies bench}; prints completed workflows/s, process cycles/s and the
 * submit-to-end latency (see {@link LoadRun}).
 */
@Command(name = "workflow", description = "Measure diamond workflows (a -> b, c -> d) end to end")
public final class WorkflowBench implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Mixin
    LoadOptions load;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new LoadRun(load, Workload.DIAMONDS).run(options, spec.commandLine().getOut());
        return 0;
    }
}
