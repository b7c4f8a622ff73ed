package org.colonyos.colonies.cli;

import picocli.CommandLine.Option;

/** Base of the client commands that act on one colony, executor or user given by {@code --name}. */
public abstract class NamedCommand extends ClientCommand {
    @Option(names = "--name", required = true, description = "Name of the item")
    protected String name;
}
