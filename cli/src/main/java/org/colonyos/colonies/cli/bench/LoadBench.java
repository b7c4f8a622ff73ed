package org.colonyos.colonies.cli.bench;

import java.util.concurrent.Callable;
import org.colonyos.colonies.cli.ClientOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A bench command that runs one {@link Workload} with the shared options ({@link LoadRun}). */
abstract class LoadBench implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Mixin
    LoadOptions load;

    @Spec
    CommandSpec spec;

    /** What one unit of work is. */
    abstract Workload workload();

    @Override
    public Integer call() throws Exception {
        new LoadRun(load, workload()).run(options, spec.commandLine().getOut());
        return 0;
    }
}
