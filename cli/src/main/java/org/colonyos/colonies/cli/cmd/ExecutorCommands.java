package org.colonyos.colonies.cli.cmd;

import java.util.List;
import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.NamedCommand;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colonies executor}: executors of the colony in COLONIES_COLONY_NAME. */
@Command(name = "executor", description = "Manage executors",
        subcommands = {ExecutorCommands.Add.class, ExecutorCommands.Approve.class, ExecutorCommands.Reject.class,
            ExecutorCommands.Remove.class, ExecutorCommands.Ls.class, ExecutorCommands.Get.class,
            ExecutorCommands.ChangeId.class})
public final class ExecutorCommands {

    @Command(name = "add", description = "Register an executor (colony owner key)")
    static final class Add extends ClientCommand {
        @Option(names = "--name", required = true, description = "Executor name, unique in the colony")
        String name;

        @Option(names = "--type", required = true, description = "Executor type that processes are matched by")
        String type;

        @Option(names = "--executorid", required = true, description = "Id of the executor's key")
        String executorId;

        @Option(names = "--approve", description = "Approve it right away")
        boolean approve;

        @Override
        protected void run() {
            Executor added = client().addExecutor(Executor.of(executorId, type, name, options.colonyName()),
                    options.colonyPrvKey());
            if (approve) {
                client().approveExecutor(options.colonyName(), name, options.colonyPrvKey());
                added = added.withState(ExecutorState.APPROVED);
            }
            printer().item(added);
        }
    }

    @Command(name = "approve", description = "Approve an executor (colony owner key)")
    static final class Approve extends NamedCommand {
        @Override
        protected void run() {
            client().approveExecutor(options.colonyName(), name, options.colonyPrvKey());
            printer().done("Executor " + name + " approved");
        }
    }

    @Command(name = "reject", description = "Reject an executor (colony owner key)")
    static final class Reject extends NamedCommand {
        @Override
        protected void run() {
            client().rejectExecutor(options.colonyName(), name, options.colonyPrvKey());
            printer().done("Executor " + name + " rejected");
        }
    }

    @Command(name = "remove", description = "Unregister an executor (colony owner key)")
    static final class Remove extends NamedCommand {
        @Override
        protected void run() {
            client().removeExecutor(options.colonyName(), name, options.colonyPrvKey());
            printer().done("Executor " + name + " removed");
        }
    }

    @Command(name = "ls", description = "List executors (member key); unregistered ones only with --all")
    static final class Ls extends ClientCommand {
        @Option(names = "--all", description = "Also unregistered executors")
        boolean all;

        @Option(names = "--type", description = "Only executors of this type")
        String type;

        @Option(names = "--location", description = "Only executors at this location")
        String location;

        @Option(names = "--full", description = "Every field of each executor instead of a table")
        boolean full;

        @Override
        protected void run() {
            List<Executor> executors = client().getExecutors(options.colonyName(), options.prvKey()).stream()
                    .filter(e -> all || e.state() != ExecutorState.UNREGISTERED)
                    .filter(e -> type == null || type.equals(e.executorType()))
                    .filter(e -> location == null || location.equals(e.locationName())).toList();
            if (full) {
                executors.forEach(executor -> printer().item(executor));
                return;
            }
            printer().table(executors, new Column<Executor>("NAME", Executor::executorName),
                    new Column<Executor>("TYPE", Executor::executorType),
                    new Column<Executor>("STATE", e -> ExecutorState.name(e.state())),
                    new Column<Executor>("EXECUTORID", Executor::executorId));
        }
    }

    @Command(name = "get", description = "Show an executor (member key)")
    static final class Get extends NamedCommand {
        @Override
        protected void run() {
            printer().item(client().getExecutor(options.colonyName(), name, options.prvKey()));
        }
    }

    @Command(name = "chid", description = "Give this executor a new key: its id (the executor's current key)")
    static final class ChangeId extends ClientCommand {
        @Option(names = "--executorid", required = true, description = "Id of the executor's new key")
        String executorId;

        @Override
        protected void run() {
            client().changeExecutorId(options.colonyName(), executorId, options.prvKey());
            printer().done("Executor now has id " + executorId);
        }
    }
}
