package org.colonyos.colonies.cli.cmd;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.cli.output.Times;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code colonies process}: list, show, cancel and remove processes of the colony, and, as an executor, take one
 * and close it (the Go CLI's {@code assign}, {@code close} and {@code fail}).
 */
@Command(name = "process", description = "List, show, cancel and remove processes; assign, close and fail as an "
        + "executor",
        subcommands = {ProcessCommands.Ps.class, ProcessCommands.Psw.class, ProcessCommands.Pss.class,
            ProcessCommands.Psf.class, ProcessCommands.Psc.class, ProcessCommands.Psa.class,
            ProcessCommands.Get.class, ProcessCommands.Status.class, ProcessCommands.Cancel.class, ProcessCommands.Remove.class,
            ProcessCommands.RemoveAll.class, ProcessCommands.Assign.class, ProcessCommands.Close.class,
            ProcessCommands.Fail.class})
public final class ProcessCommands {
    private ProcessCommands() {
    }

    /** Lists processes in some states (member key). */
    abstract static class Listing extends ClientCommand {
        @Option(names = "--count", defaultValue = "100", description = "At most this many per state (max 100)")
        int count;

        @Option(names = "--executortype", defaultValue = "", description = "Only processes for this executor type")
        String executorType;

        @Option(names = "--label", defaultValue = "", description = "Only processes with this label")
        String label;

        @Option(names = "--initiator", defaultValue = "", description = "Name of the submitting user")
        String initiator;

        abstract int[] states();

        @Override
        protected void run() {
            List<ColonyProcess> all = new ArrayList<>();
            for (int state : states()) {
                all.addAll(client().getProcesses(options.colonyName(), state, count, executorType, label, initiator,
                        options.prvKey()));
            }
            printer().table(all, new Column<ColonyProcess>("PROCESSID", ColonyProcess::processId),
                    new Column<ColonyProcess>("FUNCNAME", p -> p.spec().funcName()),
                    new Column<ColonyProcess>("STATE", p -> ProcessState.name(p.state())),
                    new Column<ColonyProcess>("TYPE", ColonyProcess::executorType),
                    new Column<ColonyProcess>("SUBMITTED", p -> Times.readable(p.submissionTime())),
                    new Column<ColonyProcess>("INITIATOR", ColonyProcess::initiatorName));
        }
    }

    @Command(name = "ps", description = "List running processes")
    static final class Ps extends Listing {
        int[] states() {
            return new int[] {ProcessState.RUNNING};
        }
    }

    @Command(name = "psw", description = "List waiting processes")
    static final class Psw extends Listing {
        int[] states() {
            return new int[] {ProcessState.WAITING};
        }
    }

    @Command(name = "pss", description = "List successful processes")
    static final class Pss extends Listing {
        int[] states() {
            return new int[] {ProcessState.SUCCESS};
        }
    }

    @Command(name = "psf", description = "List failed processes")
    static final class Psf extends Listing {
        int[] states() {
            return new int[] {ProcessState.FAILED};
        }
    }

    @Command(name = "psc", description = "List cancelled processes")
    static final class Psc extends Listing {
        int[] states() {
            return new int[] {ProcessState.CANCELLED};
        }
    }

    @Command(name = "psa", description = "List processes in every state")
    static final class Psa extends Listing {
        int[] states() {
            return new int[] {ProcessState.WAITING, ProcessState.RUNNING, ProcessState.SUCCESS, ProcessState.FAILED,
                ProcessState.CANCELLED};
        }
    }

    /** A command about one process. */
    abstract static class OneProcess extends ClientCommand {
        @Option(names = {"--processid", "-p"}, required = true, description = "Process id")
        String processId;
    }

    /** Prints a process's output values one per line: text as it is, anything else as JSON. */
    static void printOutput(PrintWriter out, List<Object> values) {
        values.forEach(value -> out.println(value instanceof String text ? text : Json.toText(value)));
        out.flush();
    }

    @Command(name = "get", description = "Show a process (member key)")
    static final class Get extends OneProcess {
        @Option(names = "--out", description = "Print only the process's output, one value per line")
        boolean outputOnly;

        @Override
        protected void run() {
            ColonyProcess process = client().getProcess(processId, options.prvKey());
            if (outputOnly && !options.json()) {
                printOutput(spec.commandLine().getOut(), process.out());
            } else {
                printer().item(process);
            }
        }
    }

    @Command(name = "status", description = "Print a process's state: waiting, running, successful, failed or "
            + "cancelled (member key)")
    static final class Status extends OneProcess {
        @Override
        protected void run() {
            spec.commandLine().getOut().println(ProcessState.name(client().getProcess(processId, options.prvKey())
                    .state()));
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "cancel", description = "Cancel a process that has not ended (member key)")
    static final class Cancel extends OneProcess {
        @Override
        protected void run() {
            client().cancelProcess(processId, options.prvKey());
            printer().done("Process " + processId + " cancelled");
        }
    }

    @Command(name = "remove", description = "Remove a process that is not running (member key)")
    static final class Remove extends OneProcess {
        @Override
        protected void run() {
            client().removeProcess(processId, options.prvKey());
            printer().done("Process " + processId + " removed");
        }
    }

    @Command(name = "removeall", description = "Remove the colony's processes (colony owner key)")
    static final class RemoveAll extends ClientCommand {
        @Mixin
        StateChoice states;

        @Override
        protected void run() {
            client().removeAllProcesses(options.colonyName(), states.state(), options.colonyPrvKey());
            printer().done("Processes removed");
        }
    }

    @Command(name = "assign", description = "Take a waiting process this executor can run, waiting up to --timeout "
            + "seconds for one (executor key); exit 1 when none came")
    static final class Assign extends ClientCommand {
        @Option(names = "--timeout", defaultValue = "10", description = "Seconds to wait for a process (default "
                + "${DEFAULT-VALUE})")
        int timeout;

        @Override
        protected void run() {
            printer().item(client().assign(options.colonyName(), timeout, "", "", options.prvKey()));
        }
    }

    @Command(name = "close", description = "Close a process this executor runs as successful (executor key)")
    static final class Close extends OneProcess {
        @Option(names = "--out", split = ",", description = "Output values (comma separated)")
        List<String> out = List.of();

        @Override
        protected void run() {
            client().closeSuccessful(processId, new ArrayList<>(out), options.prvKey());
            printer().done("Process " + processId + " closed as successful");
        }
    }

    @Command(name = "fail", description = "Close a process this executor runs as failed (executor key)")
    static final class Fail extends OneProcess {
        @Option(names = "--errors", split = ",", description = "Error messages (comma separated)")
        List<String> errors = List.of();

        @Override
        protected void run() {
            client().closeFailed(processId, errors, options.prvKey());
            printer().done("Process " + processId + " closed as failed");
        }
    }
}
