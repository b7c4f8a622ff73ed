package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command of the tree answers {@code --help} and {@code -h} with its usage on stdout and exit 0, whatever
 * options it requires; {@code colonies help CMD} works too; and every option says what it is for.
 */
@Timeout(60)
class HelpEverywhereTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ColoniesCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** The path of every command below the root, e.g. [process, get]. */
    private static List<List<String>> commandPaths(CommandLine command, List<String> path) {
        List<List<String>> paths = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().name().equals(name)) {
                return;
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            paths.add(subPath);
            paths.addAll(commandPaths(sub, subPath));
        });
        return paths;
    }

    @Test
    void everyCommandPrintsItsUsageOnHelp() {
        List<List<String>> paths = commandPaths(ColoniesCli.commandLine(), List.of());
        assertTrue(paths.size() > 40, "the tree has " + paths.size() + " commands");
        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Run help = run(args);
                assertEquals(0, help.code(), args + ": " + help.err());
                assertTrue(help.out().contains("Usage: colonies " + String.join(" ", path)), args + ": " + help.out());
                assertEquals("", help.err(), args.toString());
            }
        }
    }

    @Test
    void helpCommandShowsTheUsageOfTheNamedCommand() {
        Run help = run(List.of("help", "process"));
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: colonies process"), help.out());
    }

    @Test
    void everyOptionHasADescription() {
        List<String> missing = new ArrayList<>();
        collectUndescribed(ColoniesCli.commandLine(), missing);
        assertEquals(List.of(), missing);
    }

    private static void collectUndescribed(CommandLine command, List<String> missing) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.description().length == 0 || option.description()[0].isBlank()) {
                missing.add(command.getCommandSpec().qualifiedName() + " " + option.longestName());
            }
        }
        command.getSubcommands().values().forEach(sub -> collectUndescribed(sub, missing));
    }
}
