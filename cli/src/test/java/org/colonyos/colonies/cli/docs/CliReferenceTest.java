package org.colonyos.colonies.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.colonyos.colonies.cli.ClientOptions;
import org.colonyos.colonies.cli.ColoniesCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/cli.md is the command tree as the code defines it: every command with its description and its own options.
 * When a command changes, the test writes the new page to {@code cli/target/cli.md} and fails; copy it over
 * docs/cli.md.
 */
@Timeout(60)
class CliReferenceTest {
    private static final Path PAGE = Path.of("..", "docs", "cli.md");
    private static final Path GENERATED = Path.of("target", "cli.md");
    private static final String HEADER = """
            # CLI reference

            Every `colonies` command with its own options, as the code defines them (a test checks this page
            against the code). `colonies CMD --help` prints the same. Client commands also take the connection and
            key options listed first; docs/configuration.md gives their variables and defaults.

            Exit codes: 0 success; 1 an error from the server or the network; 2 a usage error (a missing or
            malformed option, a malformed key); 3 a process that ended failed or cancelled under `--wait`; 4 a
            `--wait` that timed out.

            """;

    @Test
    void thePageMatchesTheCommandTree() throws IOException {
        String generated = render(ColoniesCli.commandLine());
        Files.writeString(GENERATED, generated);
        String page = Files.exists(PAGE) ? Files.readString(PAGE) : "";
        assertEquals(generated, page, "docs/cli.md is out of date: cp cli/target/cli.md docs/cli.md");
    }

    private static String render(CommandLine root) {
        Set<String> shared = new TreeSet<>();
        CommandSpec client = CommandSpec.forAnnotatedObject(new ClientOptions());
        client.options().forEach(option -> shared.add(option.longestName()));
        StringBuilder page = new StringBuilder(HEADER);
        page.append("## Options of every client command\n\n");
        table(page, client, Set.of());
        page.append("Every command also takes `--verbose` (debug logging), `-h`/`--help` and `-V`/`--version`.\n\n");
        shared.add("--verbose");
        command(page, root, shared);
        return page.toString();
    }

    private static void command(StringBuilder page, CommandLine command, Set<String> shared) {
        CommandSpec spec = command.getCommandSpec();
        if (command.getParent() != null) {
            page.append("## ").append(spec.qualifiedName()).append("\n\n")
                    .append(String.join(" ", spec.usageMessage().description())).append("\n\n");
            boolean takesClientOptions = spec.findOption("--serverprvkey") != null;
            if (takesClientOptions) {
                page.append("Takes the client options.\n\n");
            }
            table(page, spec, takesClientOptions ? shared : Set.of("--verbose"));
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> command(page, sub, shared));
    }

    private static void table(StringBuilder page, CommandSpec spec, Set<String> skipped) {
        StringBuilder rows = new StringBuilder();
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            rows.append("| `").append(parameter.paramLabel()).append("` | ")
                    .append(cell(String.join(" ", parameter.description()))).append(" |\n");
        }
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp() || skipped.contains(option.longestName())) {
                continue;
            }
            rows.append("| `").append(String.join("`, `", option.names())).append('`')
                    .append(option.arity().max() > 0 ? " `" + option.paramLabel() + "`" : "").append(" | ")
                    .append(cell(String.join(" ", option.description()))).append(option.required() ? " (required)" : "")
                    .append(" |\n");
        }
        if (!rows.isEmpty()) {
            page.append("| Option | Meaning |\n|---|---|\n").append(rows).append('\n');
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
