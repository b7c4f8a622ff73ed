package org.colonyos.colonies.cli.cmd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.UsageException;
import org.colonyos.colonies.cli.WaitOutcome;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.json.JsonDecodeException;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.Function;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ColoniesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colonies function}: submit specs, run functions, list and remove registered functions. */
@Command(name = "function", description = "Submit and run functions, list registered functions",
        subcommands = {FunctionCommands.Submit.class, FunctionCommands.Exec.class, FunctionCommands.Register.class,
            FunctionCommands.Ls.class, FunctionCommands.Remove.class})
public final class FunctionCommands {
    private FunctionCommands() {
    }

    /** Shared by submit and exec: waits for the process to end and prints its output, one value per line. */
    abstract static class Submitting extends ClientCommand {
        @Option(names = "--wait", description = "Wait for the process to finish and print its output; exit code 3 "
                + "if it ended failed or cancelled, 4 if the wait timed out")
        boolean await;

        @Option(names = "--out", description = "Wait for the process to finish and print its output (the Go CLI's "
                + "spelling; the same as --wait here)")
        boolean out;

        @Option(names = "--waittimeout", defaultValue = "3600", description = "Seconds to wait (default 3600)")
        int waitTimeout;

        @Option(names = "--follow", description = "Print the process's log lines as they come until it ends, then "
                + "its output as --wait does (no time limit: Ctrl-C stops)")
        boolean follow;

        void submitAndReport(FunctionSpec spec) {
            ColoniesClient client = client();
            ColonyProcess process = client.submit(spec, options.prvKey());
            if (!await && !out && !follow) {
                printer().item(process);
                return;
            }
            if (follow) {
                new LogFollower(client, options, process.processId(), "").follow(0, this.spec.commandLine().getOut());
            }
            ColonyProcess done = waitUntilFinal(client, process.processId());
            if (options.json()) {
                printer().item(done);
            }
            if (!ProcessState.isFinal(done.state())) {
                throw new WaitOutcome(WaitOutcome.TIMED_OUT, "gave up waiting after " + waitTimeout + " s: process "
                        + done.processId() + " is " + ProcessState.name(done.state()));
            }
            if (done.state() != ProcessState.SUCCESS) {
                throw new WaitOutcome(WaitOutcome.FAILED, "process " + done.processId() + " "
                        + ProcessState.name(done.state()) + ": " + String.join("; ", done.errors()));
            }
            if (!options.json()) {
                ProcessCommands.printOutput(this.spec.commandLine().getOut(), done.out());
            }
        }

        private ColonyProcess waitUntilFinal(ColoniesClient client, String processId) {
            return Polling.until(() -> client.getProcess(processId, options.prvKey()),
                    p -> ProcessState.isFinal(p.state()), waitTimeout);
        }
    }

    @Command(name = "submit", description = "Submit a function spec from a JSON file (member key)")
    static final class Submit extends Submitting {
        @Option(names = "--spec", required = true, description = "FunctionSpec JSON file")
        Path specFile;

        @Override
        protected void run() {
            FunctionSpec spec;
            try {
                spec = Json.parse(Files.readAllBytes(specFile), FunctionSpec.class);
            } catch (IOException | JsonDecodeException e) {
                throw new UsageException("cannot read spec " + specFile + ": " + e.getMessage());
            }
            if (spec.conditions().colonyName().isEmpty()) {
                spec = spec.withConditions(spec.conditions().withColonyName(options.colonyName()));
            }
            // Like the Go CLI: 0 means "no limit" here.
            submitAndReport(spec.withLimits(spec.maxWaitTime() == 0 ? -1 : spec.maxWaitTime(),
                    spec.maxExecTime() == 0 ? -1 : spec.maxExecTime(), spec.maxRetries()));
        }
    }

    @Command(name = "exec", description = "Run a function (member key)")
    static final class Exec extends Submitting {
        @Option(names = "--func", required = true, description = "Function name the executor runs")
        String func;

        @Option(names = "--args", split = ",", description = "Positional arguments (comma separated)")
        List<String> args = new ArrayList<>();

        @Option(names = "--kwargs", split = ",", description = "Keyword arguments as key:value (the Go CLI's form) "
                + "or key=value; the key args takes a list, as in the Go CLI")
        List<String> kwargs = new ArrayList<>();

        @Option(names = "--env", split = ",", description = "Environment as key=value")
        Map<String, String> env = new TreeMap<>();

        @Option(names = "--targettype", description = "Executor type (env COLONIES_EXECUTOR_TYPE, default cli)")
        String targetType;

        @Option(names = "--targetname", description = "Run only on the executor with this name")
        String targetName;

        @Option(names = "--maxwaittime", defaultValue = "-1",
                description = "Seconds the process may wait for an executor, -1 for ever (default ${DEFAULT-VALUE})")
        int maxWaitTime;

        @Option(names = "--maxexectime", defaultValue = "-1",
                description = "Seconds the process may run once assigned, -1 for ever (default ${DEFAULT-VALUE})")
        int maxExecTime;

        @Option(names = "--maxretries", defaultValue = "0",
                description = "Times the process is run again after it ran out of time, -1 without limit "
                        + "(default ${DEFAULT-VALUE})")
        int maxRetries;

        @Option(names = "--priority", defaultValue = "0",
                description = "Priority from -50000 to 50000; higher runs first (default ${DEFAULT-VALUE})")
        int priority;

        @Override
        protected void run() {
            String type = targetType != null ? targetType
                    : System.getenv().getOrDefault("COLONIES_EXECUTOR_TYPE", "cli");
            FunctionSpec spec = FunctionSpec.of(options.colonyName(), type, func, new ArrayList<>(args))
                    .withLimits(maxWaitTime, maxExecTime, maxRetries).withPriority(priority)
                    .withKwargsAndEnv(keywordArguments(kwargs), env);
            if (targetName != null) {
                spec = spec.withConditions(spec.conditions().withExecutorNames(List.of(targetName)));
            }
            submitAndReport(spec);
        }
    }

    /**
     * Keyword arguments as the Go CLI reads them: each {@code key:value} (or {@code key=value}, split at whichever
     * comes first); the value of {@code args} becomes a one-element list.
     */
    static Map<String, Object> keywordArguments(List<String> pairs) {
        Map<String, Object> kwargs = new TreeMap<>();
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            int equals = pair.indexOf('=');
            int split = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
            if (split <= 0) {
                throw new UsageException("invalid keyword argument '" + pair + "': write key:value or key=value, "
                        + "e.g. --kwargs cmd:python3,args:/tmp/job.py");
            }
            String key = pair.substring(0, split);
            String value = pair.substring(split + 1);
            kwargs.put(key, key.equals("args") ? List.of(value) : value);
        }
        return kwargs;
    }

    @Command(name = "register", description = "Register a function an executor offers (the executor's key)")
    static final class Register extends ClientCommand {
        @Option(names = "--name", required = true, description = "Name of the executor that offers the function")
        String executorName;

        @Option(names = "--func", required = true, description = "Name of the function")
        String func;

        @Override
        protected void run() {
            Executor executor = client().getExecutor(options.colonyName(), executorName, options.prvKey());
            printer().item(client().addFunction(Function.offered(options.colonyName(), executorName,
                    executor.executorType(), func), options.prvKey()));
        }
    }

    @Command(name = "ls", description = "List registered functions (member key)")
    static final class Ls extends ClientCommand {
        @Option(names = "--executorname", defaultValue = "", description = "Only this executor's functions")
        String executorName;

        @Override
        protected void run() {
            printer().table(client().getFunctions(options.colonyName(), executorName, options.prvKey()),
                    new Column<Function>("FUNCNAME", Function::funcName),
                    new Column<Function>("EXECUTOR", Function::executorName),
                    new Column<Function>("TYPE", Function::executorType),
                    new Column<Function>("CALLS", Function::counter),
                    new Column<Function>("AVGEXEC(S)", f -> String.format("%.3f", f.avgExecTime())),
                    new Column<Function>("FUNCTIONID", Function::functionId));
        }
    }

    @Command(name = "remove", description = "Remove a function (its executor's key)")
    static final class Remove extends ClientCommand {
        @Option(names = "--functionid", required = true, description = "Id of the function to remove")
        String functionId;

        @Override
        protected void run() {
            client().removeFunction(functionId, options.prvKey());
            printer().done("Function " + functionId + " removed");
        }
    }
}
