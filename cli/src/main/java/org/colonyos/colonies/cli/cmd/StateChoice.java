package org.colonyos.colonies.cli.cmd;

import org.colonyos.colonies.proto.model.ProcessState;
import picocli.CommandLine.Option;

/** The Go CLI's state flags of {@code removeall}: one of them, or none for every state. A picocli mixin. */
final class StateChoice {
    @Option(names = "--waiting", description = "Only the waiting ones")
    boolean waiting;

    @Option(names = "--successful", description = "Only the successful ones")
    boolean successful;

    @Option(names = "--failed", description = "Only the failed ones")
    boolean failed;

    @Option(names = "--cancelled", description = "Only the cancelled ones")
    boolean cancelled;

    /** The state chosen, {@link ProcessState#ALL} for none. */
    int state() {
        return waiting ? ProcessState.WAITING : successful ? ProcessState.SUCCESS
                : failed ? ProcessState.FAILED : cancelled ? ProcessState.CANCELLED : ProcessState.ALL;
    }
}
