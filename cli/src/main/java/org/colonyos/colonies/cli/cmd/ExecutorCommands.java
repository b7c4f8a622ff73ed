package org.colonyos.colonies.cli.cmd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.NamedCommand;
import org.colonyos.colonies.cli.UsageException;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.config.SecretFiles;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.json.JsonDecodeException;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colonies executor}: executors of the colony in COLONIES_COLONY_NAME. */
@Command(name = "executor", description = "Manage executors",
        subcommands = {ExecutorCommands.Add.class, ExecutorCommands.Approve.class, ExecutorCommands.Reject.class,
            ExecutorCommands.Remove.class, ExecutorCommands.Ls.class, ExecutorCommands.Get.class,
            ExecutorCommands.ChangeId.class, ExecutorCommands.Create.class})
public final class ExecutorCommands {

    /** Shared by add and create: the executor from {@code --spec} and/or {@code --name}/{@code --type}. */
    abstract static class Registering extends ClientCommand {
        @Option(names = "--spec", description = "Executor JSON file (name, type, location, capabilities); --name and "
                + "--type override its fields")
        Path specFile;

        @Option(names = "--name", description = "Executor name, unique in the colony (required without --spec)")
        String name;

        @Option(names = "--type", description = "Executor type that processes are matched by (required without "
                + "--spec)")
        String type;

        @Option(names = "--approve", description = "Approve it right away")
        boolean approve;

        /** Registers the executor under the given id, approves it if asked, and prints it. */
        void register(String executorId) {
            Executor sent = fromSpec(executorId);
            Executor added = client().addExecutor(sent, options.colonyPrvKey());
            if (approve) {
                client().approveExecutor(options.colonyName(), sent.executorName(), options.colonyPrvKey());
                added = added.withState(ExecutorState.APPROVED);
            }
            printer().item(added);
        }

        private Executor fromSpec(String executorId) {
            Executor spec = specFile == null ? Executor.of("", "", "", "") : readSpec();
            String executorName = name != null ? name : spec.executorName();
            String executorType = type != null ? type : spec.executorType();
            if (executorName == null || executorName.isEmpty() || executorType == null || executorType.isEmpty()) {
                throw new UsageException("give the executor a name and a type: --name and --type, or a --spec file "
                        + "with executorname and executortype");
            }
            return new Executor(executorId, executorType, executorName, options.colonyName(), ExecutorState.PENDING,
                    spec.requireFuncReg(), GoTime.ZERO, GoTime.ZERO, spec.locationName(), spec.capabilities(),
                    spec.allocations(), "", 0);
        }

        private Executor readSpec() {
            try {
                return Json.parse(Files.readAllBytes(specFile), Executor.class);
            } catch (IOException | JsonDecodeException e) {
                throw new UsageException("cannot read executor spec " + specFile + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "add", description = "Register an executor whose key exists (colony owner key)")
    static final class Add extends Registering {
        @Option(names = "--executorid", required = true, description = "Id of the executor's key")
        String executorId;

        @Override
        protected void run() {
            register(executorId);
        }
    }

    @Command(name = "create", description = "Make a key for a new executor, save it, and register the executor "
            + "(colony owner key)")
    static final class Create extends Registering {
        @Option(names = "--keypath", required = true, description = "File to write the new private key to (made "
                + "readable by its owner only)")
        Path keyPath;

        @Option(names = "--idpath", required = true, description = "File to write the new key's id to")
        Path idPath;

        @Override
        protected void run() {
            String key = Secp256k1.generatePrivateKey();
            String id = Identity.idOfPrivateKey(key);
            try {
                SecretFiles.write(keyPath, key.getBytes(StandardCharsets.US_ASCII));
                Files.writeString(idPath, id);
            } catch (IOException e) {
                throw new UsageException("cannot write the new key: " + e.getMessage());
            }
            register(id);
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

        @Option(names = {"-f", "--filter"}, description = "Only executors whose name or type contains this text "
                + "(any case)")
        String filter;

        @Option(names = "--full", description = "Every field of each executor instead of a table")
        boolean full;

        @Override
        protected void run() {
            List<Executor> executors = client().getExecutors(options.colonyName(), options.prvKey()).stream()
                    .filter(e -> all || e.state() != ExecutorState.UNREGISTERED)
                    .filter(e -> type == null || type.equals(e.executorType()))
                    .filter(e -> location == null || location.equals(e.locationName()))
                    .filter(e -> filter == null || contains(e.executorName(), filter)
                            || contains(e.executorType(), filter)).toList();
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

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
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
