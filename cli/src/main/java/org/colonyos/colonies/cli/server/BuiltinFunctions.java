package org.colonyos.colonies.cli.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.sdk.ExecutorRuntime;

/**
 * The functions of the dev server's built-in executor: {@code echo} returns its arguments; {@code sh} runs its
 * arguments as one shell command line and returns its standard output lines, and is registered only when the
 * user asked for it ({@code --allow-shell}): it runs anything a colony member submits. Stateless.
 */
final class BuiltinFunctions {
    private static final long SHELL_TIMEOUT_SECONDS = 300;

    private BuiltinFunctions() {
    }

    static ExecutorRuntime.Builder register(ExecutorRuntime.Builder runtime, boolean allowShell) {
        runtime.function("echo", context -> context.args());
        if (allowShell) {
            runtime.function("sh", BuiltinFunctions::shell);
        }
        return runtime;
    }

    private static List<Object> shell(ExecutorRuntime.ProcessContext context) throws IOException,
            InterruptedException {
        String command = String.join(" ", context.args().stream().map(String::valueOf).toList());
        java.lang.Process process = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(SHELL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("command timed out after " + SHELL_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue() + ": " + output.strip());
        }
        context.log(output);
        return List.copyOf(output.lines().toList());
    }
}
