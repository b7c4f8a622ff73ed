package org.colonyos.colonies.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** {@code colonies dev} run from the packaged jar as its own process, and the exports it printed. */
record DevProcess(java.lang.Process process, String output) {
    static final Path JAR = Path.of("target", "colonies.jar");
    private static final Pattern EXPORT = Pattern.compile("^export (\\w+)=(.*)$", Pattern.MULTILINE);

    /** Starts {@code colonies dev} with these arguments, logging into {@code dir}, and waits until it is ready. */
    static DevProcess start(Path dir, List<String> args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "dev-", ".log");
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString(), "dev"));
        command.addAll(args);
        java.lang.Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        for (int i = 0; i < 900; i++) {
            String output = Files.readString(log);
            if (output.contains("# Stop with Ctrl-C.")) {
                return new DevProcess(process, output);
            }
            if (!process.isAlive()) {
                throw new AssertionError("dev exited: " + output);
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("dev did not start: " + Files.readString(log));
    }

    /** What a CLI process printed (stdout and stderr together) and its exit code. */
    record Run(int code, String output) {
    }

    /** Runs the CLI from the packaged jar as its own process with these variables added to the environment. */
    static Run cli(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(command, env);
    }

    /** Runs a command with these variables added to the environment; waits at most a minute for it. */
    static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        java.lang.Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    /** The variables of the {@code export} lines it printed. */
    Map<String, String> exports() {
        Map<String, String> exports = new TreeMap<>();
        Matcher matcher = EXPORT.matcher(output);
        while (matcher.find()) {
            exports.put(matcher.group(1), matcher.group(2));
        }
        return exports;
    }
}
