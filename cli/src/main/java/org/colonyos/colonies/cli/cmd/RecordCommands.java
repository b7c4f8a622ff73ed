package org.colonyos.colonies.cli.cmd;

import java.util.List;
import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.cli.output.Times;
import org.colonyos.colonies.proto.model.Attribute;
import org.colonyos.colonies.proto.model.ProcessLog;
import org.colonyos.colonies.sdk.ColoniesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colonies log} and {@code colonies attribute}. */
public final class RecordCommands {
    private RecordCommands() {
    }

    /** {@code colonies log}. */
    @Command(name = "log", description = "Read and search executor logs",
            subcommands = {LogGet.class, LogSearch.class, LogAdd.class})
    public static final class Log {
    }

    @Command(name = "get", description = "Log lines of a process or an executor (member key)")
    static final class LogGet extends ClientCommand {
        @Option(names = {"--processid", "-p"}, defaultValue = "", description = "Lines of this process")
        String processId;

        @Option(names = "--executorname", defaultValue = "",
                description = "Lines of this executor (instead of a process)")
        String executorName;

        @Option(names = "--count", defaultValue = "100",
                description = "At most this many lines (default ${DEFAULT-VALUE})")
        int count;

        @Option(names = "--latest", description = "The newest lines")
        boolean latest;

        @Option(names = "--since", defaultValue = "0", description = "Only lines after this Unix time in ns")
        long since;

        @Option(names = "--follow", description = "Keep printing new lines until the process ends (Ctrl-C to stop)")
        boolean follow;

        @Override
        protected void run() {
            ColoniesClient client = client();
            List<ProcessLog> lines = client.getLogs(options.colonyName(), processId, executorName, count, since,
                    latest, options.prvKey());
            printer().table(lines, new Column<ProcessLog>("TIME", log -> Times.ofLogLine(log.timestamp())),
                    new Column<ProcessLog>("EXECUTOR", ProcessLog::executorName),
                    new Column<ProcessLog>("MESSAGE", ProcessLog::message));
            if (follow) {
                new LogFollower(client, options, processId, executorName).follow(lines.isEmpty() ? since
                        : lines.get(lines.size() - 1).timestamp(), spec.commandLine().getOut());
            }
        }
    }

    @Command(name = "add", description = "Add a log line to a process this executor runs (executor key)")
    static final class LogAdd extends ClientCommand {
        @Option(names = "--processid", required = true, description = "Process id")
        String processId;

        @Option(names = "--msg", required = true, description = "The log line")
        String message;

        @Override
        protected void run() {
            client().addLog(processId, message, options.prvKey());
            printer().done("Log line added");
        }
    }

    @Command(name = "search", description = "Search the colony's log lines (member key)")
    static final class LogSearch extends ClientCommand {
        @Option(names = "--text", required = true, description = "Text the lines contain")
        String text;

        @Option(names = "--days", defaultValue = "1", description = "Search the last N days (default ${DEFAULT-VALUE})")
        int days;

        @Option(names = "--count", defaultValue = "20",
                description = "At most this many lines (default ${DEFAULT-VALUE})")
        int count;

        @Override
        protected void run() {
            printer().table(client().searchLogs(options.colonyName(), text, days, count, options.prvKey()),
                    new Column<ProcessLog>("PROCESSID", ProcessLog::processId),
                    new Column<ProcessLog>("EXECUTOR", ProcessLog::executorName),
                    new Column<ProcessLog>("MESSAGE", ProcessLog::message));
        }
    }

    /** {@code colonies attribute}. */
    @Command(name = "attribute", description = "Add and read process attributes",
            subcommands = {AttributeAdd.class, AttributeGet.class})
    public static final class AttributeGroup {
    }

    @Command(name = "add", description = "Add an output attribute to a running process (assigned executor key)")
    static final class AttributeAdd extends ClientCommand {
        @Option(names = {"--processid", "-p"}, required = true, description = "Process the attribute belongs to")
        String processId;

        @Option(names = "--key", required = true, description = "Attribute key")
        String key;

        @Option(names = "--value", required = true, description = "Attribute value")
        String value;

        @Override
        protected void run() {
            printer().item(client().addAttribute(new Attribute("", processId, options.colonyName(), "", 0,
                    Attribute.OUT, key, value), options.prvKey()));
        }
    }

    @Command(name = "get", description = "Show an attribute (member key)")
    static final class AttributeGet extends ClientCommand {
        @Option(names = "--attributeid", required = true, description = "Attribute id")
        String attributeId;

        @Override
        protected void run() {
            printer().item(client().getAttribute(attributeId, options.prvKey()));
        }
    }
}
