package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar as a process: acknowledged writes survive {@code kill -9} and a restart on the same data
 * directory, and SIGTERM stops the server cleanly.
 */
@Timeout(180)
class ProcessRestartIT {
    private static final String SERVER_KEY = "fcc79953d8a751bf41db661592dc34d30004b1a651ffa0725b03ac227641499d";
    private static final Path JAR = Path.of("target", "colonies.jar");

    @TempDir
    Path dir;

    private Process start(int port) throws IOException, InterruptedException {
        Path log = dir.resolve("server-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder("java", "-jar", JAR.toString(), "server", "start", "--port",
                String.valueOf(port), "--data-dir", dir.resolve("data").toString(), "--server-id",
                Identity.idOfPrivateKey(SERVER_KEY)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (int i = 0; i < 600; i++) {
            if (Files.exists(log) && Files.readString(log).contains("ready at")) {
                return process;
            }
            if (!process.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("server did not start: " + Files.readString(log));
    }

    @Test
    void acknowledgedWritesSurviveKillNineAndSigtermStopsCleanly() throws Exception {
        assertTrue(Files.exists(JAR), "run after package: " + JAR.toAbsolutePath());
        int port = PeerAddress.freeLoopbackPort();
        ColoniesClient client = new ColoniesClient(URI.create("http://127.0.0.1:" + port));
        String owner = "4787a5071856a4acf702b2ffcea422e3237a679c681314113d86139461290cf4";

        Process first = start(port);
        for (int i = 0; i < 20; i++) {
            client.addColony(new Colony(owner, "c" + i), SERVER_KEY);
        }
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Process second = start(port);
        List<String> names = client.getColonies(SERVER_KEY).stream().map(Colony::name).toList();
        assertEquals(20, names.size(), names.toString());
        client.addColony(new Colony(owner, "after-restart"), SERVER_KEY);
        second.destroy();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "SIGTERM did not stop the server");

        Process third = start(port);
        try {
            assertEquals(21, client.getColonies(SERVER_KEY).size());
        } finally {
            third.destroy();
            third.waitFor(60, TimeUnit.SECONDS);
        }
        assertLogsInOneFormat();
    }

    /**
     * Every server log line is in the slf4j format (java.util.logging is bridged), none is an error, and a
     * SIGTERM stop says so.
     */
    private void assertLogsInOneFormat() throws IOException {
        try (java.util.stream.Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(log);
                for (String line : lines) {
                    assertTrue(line.matches("^\\d{4}-\\d{2}-\\d{2}T.*") || line.startsWith("\t") || line.isBlank(),
                            log + " has a line in another format: " + line);
                    assertTrue(!line.contains(" ERROR "), log + ": " + line);
                }
            }
        }
        try (java.util.stream.Stream<Path> logs = Files.list(dir)) {
            assertTrue(logs.filter(p -> p.getFileName().toString().endsWith(".log")).anyMatch(p -> {
                try {
                    return Files.readString(p).contains(" stopped");
                } catch (IOException e) {
                    return false;
                }
            }), "a clean stop is logged");
        }
    }
}
