package org.colonyos.colonies.cli.cmd;

import org.colonyos.colonies.cli.ClientCommand;
import picocli.CommandLine.Command;

/** {@code colonies stat}: the colony's statistics (same as {@code colony stats}). */
@Command(name = "stat", aliases = "stats", description = "Show the colony's statistics (member key)")
public final class StatCommand extends ClientCommand {
    @Override
    protected void run() {
        printer().item(client().getColonyStatistics(options.colonyName(), options.prvKey()));
    }
}
