package org.colonyos.colonies.cli;

import org.colonyos.colonies.cli.bench.BenchCommand;
import org.colonyos.colonies.cli.cmd.ColonyCommands;
import org.colonyos.colonies.cli.cmd.ExecutorCommands;
import org.colonyos.colonies.cli.cmd.FunctionCommands;
import org.colonyos.colonies.cli.cmd.ProcessCommands;
import org.colonyos.colonies.cli.cmd.RecordCommands;
import org.colonyos.colonies.cli.cmd.SecurityCommands;
import org.colonyos.colonies.cli.cmd.StatCommand;
import org.colonyos.colonies.cli.cmd.UserCommands;
import org.colonyos.colonies.cli.server.ClusterCommands;
import org.colonyos.colonies.cli.server.DevCommand;
import org.colonyos.colonies.cli.server.ServerCommands;
import org.colonyos.colonies.config.ConfigException;
import org.colonyos.colonies.sdk.ColoniesException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code colonies} command: the Go CLI's command tree over the Java SDK, plus the server. */
@Command(name = "colonies", mixinStandardHelpOptions = true, version = "colonies-java",
        description = "ColonyOS Colonies: client commands and a Raft-replicated server",
        subcommands = {SecurityCommands.class, ColonyCommands.class, ExecutorCommands.class, UserCommands.class,
            FunctionCommands.class, ProcessCommands.class, RecordCommands.Log.class,
            RecordCommands.AttributeGroup.class, StatCommand.class, ServerCommands.class, ClusterCommands.class,
            DevCommand.class, BenchCommand.class})
public final class ColoniesCli {
    private ColoniesCli() {
    }

    /**
     * A command line with error handling (server errors and usage errors print one line, exit 1 or 2) and help on
     * every command ({@code --help}, {@code -h}, {@code colonies help CMD}).
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ColoniesCli());
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        withHelpOptions(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ColoniesException colonies) {
                commandLine.getErr().println("Error: " + colonies.getMessage()
                        + (colonies.status() == 0 ? "" : " (HTTP " + colonies.status() + ")"));
                return 1;
            }
            if (e instanceof ConfigException config) {
                commandLine.getErr().println("Error: " + config.getMessage());
                return 1;
            }
            if (e instanceof UsageException usage) {
                commandLine.getErr().println("Error: " + usage.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    /** {@code --help} and {@code -h} (and {@code --version}) on every command and subcommand, on stdout, exit 0. */
    private static void withHelpOptions(CommandLine command) {
        if (!command.getCommandSpec().mixinStandardHelpOptions()) {
            command.getCommandSpec().mixinStandardHelpOptions(true);
        }
        command.getSubcommands().values().forEach(ColoniesCli::withHelpOptions);
    }

    public static void main(String[] args) {
        useCommonPoolForAsyncCompletions();
        System.exit(commandLine().execute(args));
    }

    /**
     * Ratis's client completes replies through CompletableFuture's default async executor, which starts a new
     * thread per task when the common pool's parallelism is below two (any machine with two cores or fewer).
     * Measured on two cores: a thread per replicated write. Must run before anything touches the common pool.
     */
    private static void useCommonPoolForAsyncCompletions() {
        String property = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(property) == null) {
            System.setProperty(property, String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
        }
    }
}
