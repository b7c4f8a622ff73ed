package org.colonyos.colonies.cli.cmd;

import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.NamedCommand;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.proto.model.Colony;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colonies colony}: add, remove, list and show colonies. */
@Command(name = "colony", description = "Manage colonies",
        subcommands = {ColonyCommands.Add.class, ColonyCommands.Remove.class, ColonyCommands.Ls.class,
            ColonyCommands.Get.class, ColonyCommands.Pause.class, ColonyCommands.Resume.class,
            StatCommand.class, ColonyCommands.ChangeId.class, ColonyCommands.Check.class})
public final class ColonyCommands {

    @Command(name = "add", description = "Add a colony (server owner key)")
    static final class Add extends ClientCommand {
        @Option(names = "--name", required = true, description = "Name of the new colony")
        String name;

        @Option(names = "--colonyid", required = true, description = "Id of the colony owner key")
        String colonyId;

        @Override
        protected void run() {
            printer().item(client().addColony(new Colony(colonyId, name), options.serverPrvKey()));
        }
    }

    @Command(name = "remove", description = "Remove a colony and everything in it (server owner key)")
    static final class Remove extends NamedCommand {

        @Override
        protected void run() {
            client().removeColony(name, options.serverPrvKey());
            printer().done("Colony " + name + " removed");
        }
    }

    @Command(name = "ls", description = "List colonies (server owner key)")
    static final class Ls extends ClientCommand {
        @Override
        protected void run() {
            printer().table(client().getColonies(options.serverPrvKey()),
                    new Column<Colony>("NAME", Colony::name), new Column<Colony>("COLONYID", Colony::colonyId));
        }
    }

    @Command(name = "get", description = "Show a colony (member key)")
    static final class Get extends ClientCommand {
        @Option(names = "--name", description = "Colony name (default COLONIES_COLONY_NAME)")
        String name;

        @Override
        protected void run() {
            printer().item(client().getColony(name != null ? name : options.colonyName(), options.prvKey()));
        }
    }

    @Command(name = "check", description = "Check that a colony exists: exit 0 if it does, 1 if not (member key)")
    static final class Check extends NamedCommand {
        @Override
        protected void run() {
            client().getColony(name, options.prvKey());
            printer().done("Colony " + name + " exists");
        }
    }

    @Command(name = "pause", description = "Pause assignments in the colony (colony owner key)")
    static final class Pause extends ClientCommand {
        @Override
        protected void run() {
            client().pauseAssignments(options.colonyName(), options.colonyPrvKey());
            printer().done("Assignments in colony " + options.colonyName() + " paused");
        }
    }

    @Command(name = "resume", description = "Resume assignments in the colony (colony owner key)")
    static final class Resume extends ClientCommand {
        @Override
        protected void run() {
            client().resumeAssignments(options.colonyName(), options.colonyPrvKey());
            printer().done("Assignments in colony " + options.colonyName() + " resumed");
        }
    }

    @Command(name = "chid", description = "Give the colony a new owner key: its id (colony owner's current key)")
    static final class ChangeId extends ClientCommand {
        @Option(names = "--colonyid", required = true, description = "Id of the new colony owner key")
        String colonyId;

        @Override
        protected void run() {
            client().changeColonyId(options.colonyName(), colonyId, options.colonyPrvKey());
            printer().done("Colony " + options.colonyName() + " now has id " + colonyId);
        }
    }
}
