package org.colonyos.colonies.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.colonyos.colonies.cli.ClientOptions;
import org.colonyos.colonies.cli.ColoniesCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/configuration.md against the code: the environment variables the code reads are exactly those the page
 * names, and every flag of {@code server start}, {@code dev} and the client commands has a row in its section
 * naming its variable and its default.
 */
@Timeout(60)
class ConfigurationDocTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String NAME = "((?:COLONIES|AWS_S3)_[A-Z0-9_]*[A-Z0-9])";
    private static final Pattern READ_IN_CODE = Pattern.compile("(?:\"|env:)" + NAME + "[\":}]");
    private static final Pattern NAMED_IN_DOC = Pattern.compile("(?<![A-Z0-9_])" + NAME + "(?![A-Z0-9_])");
    private static final Pattern INNERMOST_DEFAULT = Pattern.compile(":-([^$}]*)}+$");
    private static final Pattern ENV_REFERENCE = Pattern.compile("env:" + NAME);

    private static String page() throws IOException {
        return Files.readString(ROOT.resolve("docs/configuration.md"));
    }

    @Test
    void thePageNamesExactlyTheVariablesTheCodeReads() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().contains("/src/main/java/") && f.toString()
                    .endsWith(".java")).toList()) {
                Matcher matcher = READ_IN_CODE.matcher(Files.readString(file));
                while (matcher.find()) {
                    read.add(matcher.group(1));
                }
            }
        }
        Set<String> named = new TreeSet<>();
        Matcher matcher = NAMED_IN_DOC.matcher(page());
        while (matcher.find()) {
            named.add(matcher.group(1));
        }
        assertTrue(read.size() > 30, "the scan found the code's variables: " + read);
        assertEquals(read, named, "variables read by the code (left) and named by docs/configuration.md (right)");
    }

    @Test
    void everyServerAndDevFlagHasARowWithItsVariableAndDefault() throws IOException {
        CommandLine cli = ColoniesCli.commandLine();
        List<String> problems = new ArrayList<>();
        check(cli.getSubcommands().get("server").getSubcommands().get("start").getCommandSpec(),
                section("## Server"), problems);
        check(cli.getSubcommands().get("dev").getCommandSpec(), section("## Development server"), problems);
        check(CommandSpec.forAnnotatedObject(new ClientOptions()), section("## Clients"), problems);
        assertEquals(List.of(), problems);
    }

    private static void check(CommandSpec command, String section, List<String> problems) {
        for (OptionSpec option : command.options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String flag = option.longestName();
            Matcher row = Pattern.compile("(?m)^\\| `" + Pattern.quote(flag) + "` \\|.*$").matcher(section);
            if (!row.find()) {
                problems.add(command.qualifiedName() + " " + flag + ": no row");
                continue;
            }
            String raw = option.defaultValue() == null ? "" : option.defaultValue();
            Matcher innermost = INNERMOST_DEFAULT.matcher(raw);
            String value = raw.contains("$") ? (innermost.find() ? innermost.group(1) : "") : raw;
            if (!value.isEmpty() && !row.group().contains("`" + value + "`")) {
                problems.add(command.qualifiedName() + " " + flag + ": default " + value + " not in " + row.group());
            }
            Matcher env = ENV_REFERENCE.matcher(raw);
            while (env.find()) {
                if (!row.group().contains("`" + env.group(1) + "`")) {
                    problems.add(command.qualifiedName() + " " + flag + ": variable " + env.group(1) + " not in row");
                }
            }
        }
    }

    private static String section(String heading) throws IOException {
        String page = page();
        int start = page.indexOf("\n" + heading);
        assertTrue(start >= 0, "docs/configuration.md has a section " + heading);
        int end = page.indexOf("\n## ", start + 1);
        return page.substring(start, end < 0 ? page.length() : end);
    }
}
