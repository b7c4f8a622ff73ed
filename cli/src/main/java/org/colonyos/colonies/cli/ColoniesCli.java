package org.colonyos.colonies.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.colonyos.colonies.cli.cmd.ColonyCommands;
import org.colonyos.colonies.cli.cmd.ExecutorCommands;
import org.colonyos.colonies.cli.cmd.FunctionCommands;
import org.colonyos.colonies.cli.cmd.ProcessCommands;
import org.colonyos.colonies.cli.cmd.RecordCommands;
import org.colonyos.colonies.cli.cmd.ScheduleCommands;
import org.colonyos.colonies.cli.cmd.SecurityCommands;
import org.colonyos.colonies.cli.cmd.StatCommand;
import org.colonyos.colonies.cli.cmd.UserCommands;
import org.colonyos.colonies.cli.cmd.WorkflowCommands;
import org.colonyos.colonies.config.ConfigException;
import org.colonyos.colonies.proto.crypto.CryptoException;
import org.colonyos.colonies.sdk.ColoniesException;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import org.colonyos.colonies.cfs.CfsException;
import org.colonyos.colonies.cli.cmd.BlueprintCommands;
import org.colonyos.colonies.cli.cmd.FsCommands;
import org.colonyos.colonies.cli.cmd.LocationCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code colonies} command: the Go CLI's command tree over the Java SDK, plus the server. The server's groups
 * ({@code server}, {@code cluster}, {@code dev}, {@code bench}) are looked up by name, so the same command runs
 * from the client-only jar, which does not hold them.
 */
@Command(name = "colonies", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "ColonyOS Colonies: client commands and a Raft-replicated server")
public final class ColoniesCli {
    private static final List<Class<?>> CLIENT_GROUPS = List.of(SecurityCommands.class, ColonyCommands.class,
            ExecutorCommands.class, UserCommands.class, FunctionCommands.class, ProcessCommands.class,
            WorkflowCommands.class, ScheduleCommands.CronGroup.class, ScheduleCommands.GeneratorGroup.class,
            FsCommands.FsGroup.class, LocationCommands.LocationGroup.class, BlueprintCommands.BlueprintGroup.class,
            RecordCommands.Log.class, RecordCommands.AttributeGroup.class, StatCommand.class, VersionCommand.class,
            ConfigCommand.class, CompletionCommand.class);
    private static final List<String> SERVER_GROUPS = List.of("org.colonyos.colonies.cli.server.ServerCommands",
            "org.colonyos.colonies.cli.server.ClusterCommands", "org.colonyos.colonies.cli.server.DevCommand",
            "org.colonyos.colonies.cli.bench.BenchCommand");

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log at debug level (also COLONIES_VERBOSE=true)")
    boolean verbose;

    /** Exit code of a usage error (a missing or invalid option, a bad key). */
    public static final int USAGE = 2;

    private ColoniesCli() {
    }

    /**
     * A command line with error handling and help on every command ({@code --help}, {@code -h},
     * {@code colonies help CMD}). Errors print one line, no stack trace, and exit with a distinct code: 1 an
     * error from the server or the network, 2 a usage error, 3 a process that ended failed under {@code --wait},
     * 4 a {@code --wait} that timed out.
     */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only the group named {@code group} (by name or alias), or with every group when it is
     * null or names none: a command then builds only its own group's options, which saves most of the start-up.
     */
    static CommandLine commandLine(String group) {
        CommandLine cli = new CommandLine(new ColoniesCli());
        List<Class<?>> groups = groups();
        List<Class<?>> named = groups.stream().filter(g -> names(g).contains(group)).toList();
        (named.isEmpty() ? groups : named).forEach(cli::addSubcommand);
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        withHelpOptions(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ColoniesException colonies) {
                commandLine.getErr().println("Error: " + colonies.getMessage()
                        + (colonies.status() == 0 ? "" : " (HTTP " + colonies.status() + ")"));
                return 1;
            }
            if (e instanceof CfsException cfs) {
                commandLine.getErr().println("Error: " + cfs.getMessage());
                return 1;
            }
            if (e instanceof ConfigException config) {
                commandLine.getErr().println("Error: " + config.getMessage());
                return 1;
            }
            if (e instanceof UsageException || e instanceof CryptoException) {
                commandLine.getErr().println("Error: " + e.getMessage());
                return USAGE;
            }
            if (e instanceof IOException io) {
                commandLine.getErr().println("Error: " + io.getMessage());
                return 1;
            }
            if (e instanceof WaitOutcome outcome) {
                commandLine.getErr().println("Error: " + outcome.getMessage());
                return outcome.exitCode();
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

    /** The client groups, then those of the server groups this jar holds. */
    private static List<Class<?>> groups() {
        List<Class<?>> groups = new ArrayList<>(CLIENT_GROUPS);
        for (String name : SERVER_GROUPS) {
            try {
                groups.add(Class.forName(name));
            } catch (ClassNotFoundException clientJar) {
                // the client-only jar: its launcher sends server commands to the full jar
            }
        }
        return groups;
    }

    private static List<String> names(Class<?> group) {
        Command command = group.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }

    public static void main(String[] args) {
        useCommonPoolForAsyncCompletions();
        configureLogging(args, System.getenv());
        String group = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().orElse(null);
        System.exit(commandLine(group).execute(args));
    }

    /**
     * One log format: java.util.logging (gRPC, the JDK) goes through slf4j; {@code --verbose} or
     * {@code COLONIES_VERBOSE=true} logs at debug level. Must run before the first logger is made.
     */
    static void configureLogging(String[] args, Map<String, String> env) {
        boolean verbose = "true".equalsIgnoreCase(env.getOrDefault("COLONIES_VERBOSE", ""))
                || Arrays.asList(args).contains("--verbose");
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
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
