package org.colonyos.colonies.cli.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.UsageException;
import org.colonyos.colonies.cli.WaitOutcome;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.cli.output.Times;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.json.JsonDecodeException;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.sdk.ColoniesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code colonies workflow}: submit, show, list, cancel and remove workflows (process graphs) of the colony. */
@Command(name = "workflow", description = "Submit, show, list, cancel and remove workflows",
        subcommands = {WorkflowCommands.Submit.class, WorkflowCommands.Get.class, WorkflowCommands.Ps.class,
            WorkflowCommands.Psw.class, WorkflowCommands.Pss.class, WorkflowCommands.Psf.class,
            WorkflowCommands.Psc.class, WorkflowCommands.Cancel.class, WorkflowCommands.Remove.class,
            WorkflowCommands.RemoveAll.class})
public final class WorkflowCommands {
    private WorkflowCommands() {
    }

    @Command(name = "submit", description = "Submit a workflow from a JSON file (member key)")
    static final class Submit extends ClientCommand {
        @Option(names = "--spec", required = true, description = "JSON file: an array of FunctionSpecs with "
                + "nodename and conditions.dependencies, or a WorkflowSpec object")
        Path specFile;

        @Option(names = "--wait", description = "Wait for the workflow to end and print its state; exit code 3 if "
                + "it ended failed or cancelled, 4 if the wait timed out")
        boolean await;

        @Option(names = "--waittimeout", defaultValue = "3600", description = "Seconds to wait (default 3600)")
        int waitTimeout;

        @Override
        protected void run() {
            ColoniesClient client = client();
            ProcessGraph graph = client.submitWorkflow(read(specFile, options.colonyName()), options.prvKey());
            if (!await) {
                printer().item(graph);
                return;
            }
            ProcessGraph done = Polling.until(() -> client.getProcessGraph(graph.processGraphId(), options.prvKey()),
                    g -> ProcessState.isFinal(g.state()), waitTimeout);
            if (options.json()) {
                printer().item(done);
            }
            printer().done("Workflow " + done.processGraphId() + " " + ProcessState.name(done.state()));
            if (!ProcessState.isFinal(done.state())) {
                throw new WaitOutcome(WaitOutcome.TIMED_OUT, "gave up waiting after " + waitTimeout + " s: workflow "
                        + done.processGraphId() + " is " + ProcessState.name(done.state()));
            }
            if (done.state() != ProcessState.SUCCESS) {
                throw new WaitOutcome(WaitOutcome.FAILED, "workflow " + done.processGraphId() + " "
                        + ProcessState.name(done.state()));
            }
        }
    }

    /**
     * The workflow in a spec file, in the colony of the command when it names none: the Go CLI's array of
     * FunctionSpecs, or a whole WorkflowSpec.
     */
    static WorkflowSpec read(Path file, String colonyName) {
        try {
            JsonNode tree = Json.mapper().readTree(Files.readAllBytes(file));
            WorkflowSpec spec = tree != null && tree.isArray()
                    ? new WorkflowSpec("", List.of(Json.mapper().treeToValue(tree, FunctionSpec[].class)))
                    : Json.mapper().treeToValue(tree, WorkflowSpec.class);
            String colony = spec == null || spec.colonyName() == null || spec.colonyName().isEmpty() ? colonyName
                    : spec.colonyName();
            return new WorkflowSpec(colony, spec == null ? List.of() : spec.functionSpecs());
        } catch (IOException | JsonDecodeException | IllegalArgumentException e) {
            throw new UsageException("cannot read workflow " + file + ": " + e.getMessage());
        }
    }

    /** A command about one workflow. */
    abstract static class OneWorkflow extends ClientCommand {
        @Option(names = {"--processgraphid", "--workflowid", "-i"}, required = true, description = "Workflow id")
        String graphId;
    }

    @Command(name = "get", description = "Show a workflow and the state of each of its processes (member key)")
    static final class Get extends OneWorkflow {
        @Override
        protected void run() {
            ColoniesClient client = client();
            ProcessGraph graph = client.getProcessGraph(graphId, options.prvKey());
            if (options.json()) {
                printer().item(graph);
                return;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Workflow " + graph.processGraphId() + " " + ProcessState.name(graph.state())
                    + ", submitted " + Times.readable(graph.submissionTime()) + " by " + graph.initiatorName());
            out.flush();
            List<ColonyProcess> processes = graph.processIds().stream()
                    .map(id -> client.getProcess(id, options.prvKey())).toList();
            printer().table(processes, new Column<ColonyProcess>("NODE", p -> p.spec().nodeName()),
                    new Column<ColonyProcess>("PROCESSID", ColonyProcess::processId),
                    new Column<ColonyProcess>("FUNCNAME", p -> p.spec().funcName()),
                    new Column<ColonyProcess>("STATE", p -> ProcessState.name(p.state())),
                    new Column<ColonyProcess>("DEPENDS ON", p -> String.join(",", dependencies(p))));
        }

        private static List<String> dependencies(ColonyProcess process) {
            List<String> names = process.spec().conditions().dependencies();
            return names == null ? List.of() : names;
        }
    }

    /** Lists the colony's workflows in one state, newest first (member key). */
    abstract static class Listing extends ClientCommand {
        @Option(names = "--count", defaultValue = "100", description = "At most this many (max 100)")
        int count;

        private final int state;

        Listing(int state) {
            this.state = state;
        }

        @Override
        protected void run() {
            printer().table(client().getProcessGraphs(options.colonyName(), state, count, options.prvKey()),
                    new Column<ProcessGraph>("WORKFLOWID", ProcessGraph::processGraphId),
                    new Column<ProcessGraph>("STATE", g -> ProcessState.name(g.state())),
                    new Column<ProcessGraph>("PROCESSES", g -> g.processIds().size()),
                    new Column<ProcessGraph>("SUBMITTED", g -> Times.readable(g.submissionTime())),
                    new Column<ProcessGraph>("INITIATOR", ProcessGraph::initiatorName));
        }
    }

    @Command(name = "ps", description = "List running workflows")
    static final class Ps extends Listing {
        Ps() {
            super(ProcessState.RUNNING);
        }
    }

    @Command(name = "psw", description = "List waiting workflows")
    static final class Psw extends Listing {
        Psw() {
            super(ProcessState.WAITING);
        }
    }

    @Command(name = "pss", description = "List successful workflows")
    static final class Pss extends Listing {
        Pss() {
            super(ProcessState.SUCCESS);
        }
    }

    @Command(name = "psf", description = "List failed workflows")
    static final class Psf extends Listing {
        Psf() {
            super(ProcessState.FAILED);
        }
    }

    @Command(name = "psc", description = "List cancelled workflows")
    static final class Psc extends Listing {
        Psc() {
            super(ProcessState.CANCELLED);
        }
    }

    @Command(name = "cancel", description = "Cancel every process of a workflow that has not ended (member key)")
    static final class Cancel extends OneWorkflow {
        @Override
        protected void run() {
            client().cancelProcessGraph(graphId, options.prvKey());
            printer().done("Workflow " + graphId + " cancelled");
        }
    }

    @Command(name = "remove", description = "Remove a workflow that is not running, with its processes (member key)")
    static final class Remove extends OneWorkflow {
        @Override
        protected void run() {
            client().removeProcessGraph(graphId, options.prvKey());
            printer().done("Workflow " + graphId + " removed");
        }
    }

    @Command(name = "removeall", description = "Remove the colony's workflows in a state with their processes "
            + "(colony owner key); without a state flag, all of them")
    static final class RemoveAll extends ClientCommand {
        @Mixin
        StateChoice states;

        @Override
        protected void run() {
            client().removeAllProcessGraphs(options.colonyName(), states.state(), options.colonyPrvKey());
            printer().done("Workflows removed");
        }
    }
}
