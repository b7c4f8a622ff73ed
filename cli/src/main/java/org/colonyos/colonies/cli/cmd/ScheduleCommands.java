package org.colonyos.colonies.cli.cmd;

import java.nio.file.Path;
import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.cli.output.Times;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Cron;
import org.colonyos.colonies.proto.model.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colonies cron} and {@code colonies generator}: workflows run by time or by packed arguments. */
public final class ScheduleCommands {
    private ScheduleCommands() {
    }

    /** The workflow of a spec file as the JSON string crons and generators keep. */
    static String workflowJson(Path file, String colonyName) {
        return Json.toText(WorkflowCommands.read(file, colonyName));
    }

    /** {@code colonies cron}. */
    @Command(name = "cron", description = "Run workflows periodically",
            subcommands = {CronAdd.class, CronGet.class, CronLs.class, CronRun.class, CronRemove.class})
    public static final class CronGroup {
    }

    @Command(name = "add", description = "Add a cron (member key)")
    static final class CronAdd extends ClientCommand {
        @Option(names = "--name", required = true, description = "Cron name, unique in the colony")
        String name;

        @Option(names = "--spec", required = true, description = "Workflow JSON file (as for workflow submit)")
        Path specFile;

        @Option(names = "--interval", defaultValue = "-1", description = "Seconds between runs; -1 to use --cron")
        int interval;

        @Option(names = "--cron", defaultValue = "", description = "Cron expression with seconds, e.g. '0 0 * * * *'")
        String expression;

        @Option(names = "--waitprev", description = "Start a run only once the previous one succeeded or failed")
        boolean waitPrevious;

        @Override
        protected void run() {
            printer().item(client().addCron(Cron.of(options.colonyName(), name, expression, interval,
                    workflowJson(specFile, options.colonyName()), waitPrevious), options.prvKey()));
        }
    }

    /** A command about one cron. */
    abstract static class OneCron extends ClientCommand {
        @Option(names = "--cronid", required = true, description = "Cron id")
        String cronId;
    }

    @Command(name = "get", description = "Show a cron (member key)")
    static final class CronGet extends OneCron {
        @Override
        protected void run() {
            printer().item(client().getCron(cronId, options.prvKey()));
        }
    }

    @Command(name = "run", description = "Run a cron now (member key)")
    static final class CronRun extends OneCron {
        @Override
        protected void run() {
            client().runCron(cronId, options.prvKey());
            printer().done("Cron " + cronId + " run");
        }
    }

    @Command(name = "remove", description = "Remove a cron (member key)")
    static final class CronRemove extends OneCron {
        @Override
        protected void run() {
            client().removeCron(cronId, options.prvKey());
            printer().done("Cron " + cronId + " removed");
        }
    }

    @Command(name = "ls", description = "List the colony's crons (member key)")
    static final class CronLs extends ClientCommand {
        @Option(names = "--count", defaultValue = "100", description = "At most this many")
        int count;

        @Override
        protected void run() {
            printer().table(client().getCrons(options.colonyName(), count, options.prvKey()),
                    new Column<Cron>("CRONID", Cron::cronId), new Column<Cron>("NAME", Cron::name),
                    new Column<Cron>("SCHEDULE", c -> c.interval() > 0 ? "every " + c.interval() + " s"
                            : c.cronExpression()),
                    new Column<Cron>("NEXT RUN", c -> Times.readable(c.nextRun())),
                    new Column<Cron>("LAST RUN", c -> Times.readable(c.lastRun())));
        }
    }

    /** {@code colonies generator}. */
    @Command(name = "generator", description = "Run workflows per packed arguments",
            subcommands = {GeneratorAdd.class, GeneratorGet.class, GeneratorLs.class, GeneratorPack.class,
                GeneratorRemove.class})
    public static final class GeneratorGroup {
    }

    @Command(name = "add", description = "Add a generator (member key)")
    static final class GeneratorAdd extends ClientCommand {
        @Option(names = "--name", required = true, description = "Generator name, unique in the colony")
        String name;

        @Option(names = "--spec", required = true, description = "Workflow JSON file (as for workflow submit)")
        Path specFile;

        @Option(names = "--trigger", required = true, description = "Arguments per workflow (at least 1)")
        int trigger;

        @Option(names = "--timeout", defaultValue = "-1",
                description = "Seconds after which fewer arguments start a workflow; -1 never")
        int timeout;

        @Override
        protected void run() {
            printer().item(client().addGenerator(Generator.of(options.colonyName(), name,
                    workflowJson(specFile, options.colonyName()), trigger, timeout), options.prvKey()));
        }
    }

    /** A command about one generator. */
    abstract static class OneGenerator extends ClientCommand {
        @Option(names = "--generatorid", required = true, description = "Generator id")
        String generatorId;
    }

    @Command(name = "get", description = "Show a generator with its queue size (member key)")
    static final class GeneratorGet extends OneGenerator {
        @Override
        protected void run() {
            printer().item(client().getGenerator(generatorId, options.prvKey()));
        }
    }

    @Command(name = "pack", description = "Add an argument to a generator's queue (member key)")
    static final class GeneratorPack extends OneGenerator {
        @Option(names = "--arg", required = true, description = "The argument")
        String arg;

        @Override
        protected void run() {
            client().packGenerator(generatorId, arg, options.prvKey());
            printer().done("Packed");
        }
    }

    @Command(name = "remove", description = "Remove a generator (member key)")
    static final class GeneratorRemove extends OneGenerator {
        @Override
        protected void run() {
            client().removeGenerator(generatorId, options.prvKey());
            printer().done("Generator " + generatorId + " removed");
        }
    }

    @Command(name = "ls", description = "List the colony's generators (member key)")
    static final class GeneratorLs extends ClientCommand {
        @Option(names = "--count", defaultValue = "100", description = "At most this many")
        int count;

        @Override
        protected void run() {
            printer().table(client().getGenerators(options.colonyName(), count, options.prvKey()),
                    new Column<Generator>("GENERATORID", Generator::generatorId),
                    new Column<Generator>("NAME", Generator::name),
                    new Column<Generator>("TRIGGER", Generator::trigger),
                    new Column<Generator>("TIMEOUT", Generator::timeout),
                    new Column<Generator>("LAST RUN", g -> Times.readable(g.lastRun())));
        }
    }
}
