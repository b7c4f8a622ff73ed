package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.proto.model.Process;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code colonies dev} as a process: started again on the same data directory it serves the same colony with
 * the same keys and prints the same exports; without a data directory it removes its temporary one on SIGTERM.
 */
@Timeout(180)
class DevRestartIT {
    private static final Path JAR = Path.of("target", "colonies.jar");
    private static final Pattern EXPORT = Pattern.compile("^export (\\w+)=(.*)$", Pattern.MULTILINE);
    private static final Pattern DATA_DIR = Pattern.compile("\\(data in ([^,)]+)");

    @TempDir
    Path dir;

    private record Dev(java.lang.Process process, String output) {
    }

    private Dev start(List<String> extra) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "dev-", ".log");
        List<String> command = new java.util.ArrayList<>(List.of("java", "-jar", JAR.toString(), "dev"));
        command.addAll(extra);
        java.lang.Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        for (int i = 0; i < 600; i++) {
            String output = Files.readString(log);
            if (output.contains("# Stop with Ctrl-C.")) {
                return new Dev(process, output);
            }
            if (!process.isAlive()) {
                throw new AssertionError("dev exited: " + output);
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("dev did not start: " + Files.readString(log));
    }

    private static Map<String, String> exports(String output) {
        Map<String, String> exports = new TreeMap<>();
        Matcher matcher = EXPORT.matcher(output);
        while (matcher.find()) {
            exports.put(matcher.group(1), matcher.group(2));
        }
        return exports;
    }

    private static void stop(Dev dev) throws InterruptedException {
        dev.process().destroy();
        assertTrue(dev.process().waitFor(60, TimeUnit.SECONDS), "dev stopped on SIGTERM");
    }

    @Test
    void aRestartOnTheSameDataDirServesTheSameColonyWithTheSameKeys() throws Exception {
        assertTrue(Files.exists(JAR), "run after package: " + JAR.toAbsolutePath());
        int port = PeerAddress.freeLoopbackPort();
        List<String> args = List.of("--port", String.valueOf(port), "--data-dir", dir.resolve("data").toString());
        Dev first = start(args);
        Map<String, String> exports = exports(first.output());
        assertEquals(String.valueOf(port), exports.get("COLONIES_SERVER_HTTP_PORT"));
        assertEquals(String.valueOf(port), exports.get("COLONIES_SERVER_PORT"));
        ColoniesClient client = new ColoniesClient(URI.create("http://127.0.0.1:" + port));
        Process before = client.submit(FunctionSpec.of("dev", "cli", "echo", List.of("kept")),
                exports.get("COLONIES_PRVKEY"));
        stop(first);

        Dev second = start(args);
        try {
            assertEquals(exports, exports(second.output()), "the same keys and colony");
            assertTrue(second.output().contains("restarted with its saved keys"), second.output());
            assertEquals(before.processId(), client.getProcess(before.processId(), exports.get("COLONIES_PRVKEY"))
                    .processId());
            assertEquals("dev", client.getColony("dev", exports.get("COLONIES_PRVKEY")).name());
        } finally {
            stop(second);
        }
    }

    @Test
    void withoutADataDirTheTemporaryDirectoryIsRemovedOnStop() throws Exception {
        assertTrue(Files.exists(JAR), "run after package: " + JAR.toAbsolutePath());
        Dev dev = start(List.of("--port", String.valueOf(PeerAddress.freeLoopbackPort())));
        Matcher matcher = DATA_DIR.matcher(dev.output());
        assertTrue(matcher.find(), dev.output());
        Path temporary = Path.of(matcher.group(1));
        assertTrue(Files.isDirectory(temporary));
        stop(dev);
        assertFalse(Files.exists(temporary), "left behind: " + temporary);
    }
}
