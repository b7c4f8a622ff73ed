package org.colonyos.colonies.cli;

import java.util.concurrent.Callable;
import org.colonyos.colonies.cli.output.Printer;
import org.colonyos.colonies.sdk.ColoniesClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every command that talks to a server: connection options, a client and a printer. */
public abstract class ClientCommand implements Callable<Integer> {
    @Mixin
    protected ClientOptions options;

    @Spec
    protected CommandSpec spec;

    protected ColoniesClient client() {
        return options.client();
    }

    protected Printer printer() {
        return new Printer(spec.commandLine().getOut(), options.json());
    }

    @Override
    public final Integer call() {
        run();
        return 0;
    }

    /** Does the command's work; errors propagate to the CLI's error handler. */
    protected abstract void run();
}
