package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.colonyos.colonies.config.PeerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast CLI: the client jar holds no server code, its class-data-sharing archive is valid for it, and
 * {@code bin/colonies} runs client commands from it and the server's commands from the full jar.
 */
@Timeout(240)
class ClientJarIT {
    private static final Path CLIENT_JAR = Path.of("target", "colonies-client.jar");
    private static final Path ARCHIVE = Path.of("target", "colonies-client.jsa");
    private static final Path LAUNCHER = Path.of("..", "bin", "colonies");

    @TempDir
    Path dir;

    @Test
    void theClientJarHoldsNoServerCode() throws IOException {
        List<String> server = List.of("org/colonyos/colonies/http/", "org/colonyos/colonies/sm/",
                "org/colonyos/colonies/cli/server/", "org/colonyos/colonies/cli/bench/", "org/apache/ratis/",
                "org/mapdb/", "io/netty/", "org/gaul/", "org/eclipse/jetty/", "io/prometheus/");
        try (ZipFile jar = new ZipFile(CLIENT_JAR.toFile())) {
            List<String> found = jar.stream().map(entry -> entry.getName())
                    .filter(name -> server.stream().anyMatch(name::startsWith)).limit(5).toList();
            assertEquals(List.of(), found);
            assertTrue(jar.getEntry("org/colonyos/colonies/cli/ColoniesCli.class") != null);
        }
    }

    @Test
    void theArchiveIsValidForTheJar() throws Exception {
        DevProcess.Run run = java(List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:on", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-XX:-UsePerfData", "-jar", CLIENT_JAR.toString(), "security", "generate"));
        assertEquals(0, run.code(), "the JVM refuses -Xshare:on with an archive that does not match: "
                + run.output());
    }

    @Test
    void theLauncherRunsClientAndServerCommands() throws Exception {
        DevProcess dev = DevProcess.start(dir, List.of("--port", String.valueOf(PeerAddress.freeLoopbackPort())));
        try {
            Map<String, String> env = dev.exports();
            assertTrue(dev.output().contains("A faster colonies for client commands"), dev.output());
            DevProcess.Run exec = launch(env, "function", "exec", "--func", "echo", "--args", "fast", "--wait");
            assertEquals(0, exec.code(), exec.output());
            assertTrue(exec.output().contains("fast"), exec.output());
            DevProcess.Run help = launch(env, "--help");
            assertTrue(help.output().contains("server") && help.output().contains("dev"), help.output());
            DevProcess.Run unknown = launch(env, "colony", "ls", "--port", "1");
            assertEquals(1, unknown.code(), unknown.output());
        } finally {
            dev.process().destroy();
            assertTrue(dev.process().waitFor(60, TimeUnit.SECONDS));
        }
    }

    private static DevProcess.Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        return DevProcess.run(command, env);
    }

    private static DevProcess.Run java(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(args);
        return DevProcess.run(command, Map.of());
    }
}
