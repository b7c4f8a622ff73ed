package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.colonyos.colonies.cli.server.ClusterProcesses;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a three-node cluster (one process per node, with the log settings the colonies command ships) writes to
 * its logs: a healthy start has no warning, error or stack and states the membership once; a follower that is
 * killed is reported by the leader once, without a stack, and again when it answers; a SIGTERM stop is logged.
 */
@Timeout(240)
class ClusterLogsIT {
    private static final Pattern LEADER = Pattern.compile("the leader is now (n\\d)");

    @Test
    void aHealthyStartIsQuietAndADownPeerIsReportedOnce(@TempDir Path dir) throws Exception {
        String shippedLogSettings = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        String serverId = Identity.idOfPrivateKey(Secp256k1.generatePrivateKey());
        try (ClusterProcesses cluster = ClusterProcesses.start(3, serverId, dir, shippedLogSettings)) {
            awaitLog(dir, "n1", text -> LEADER.matcher(text).find() && text.contains("membership at index"));
            Thread.sleep(6_000);
            String leader = leader(dir);
            for (String node : List.of("n1", "n2", "n3")) {
                String log = log(dir, node);
                assertTrue(!log.contains(" WARN ") && !log.contains(" ERROR ") && !log.contains("\tat "),
                        node + " logs more than INFO on a healthy start:\n" + log);
                assertEquals(1, count(log, "membership at index"), log);
                assertTrue(log.contains("ready at"), log);
            }
            String follower = leader.equals("n1") ? "n2" : "n1";
            cluster.kill(cluster.indexOf(follower));
            String silent = "peer " + follower + " (";
            awaitLog(dir, leader, text -> text.contains(silent) && text.contains("has not answered"));
            Thread.sleep(8_000);
            String leaderLog = log(dir, leader);
            assertEquals(1, count(leaderLog, "has not answered"), leaderLog);
            assertTrue(!leaderLog.contains("\tat ") && !leaderLog.contains("Caused by"), leaderLog);
            cluster.start(cluster.indexOf(follower));
            awaitLog(dir, leader, text -> text.contains(silent) && text.contains("answers again"));
        }
        assertTrue(log(dir, leader(dir)).contains(" stopped"), "a clean stop is logged");
    }

    private static String leader(Path dir) throws IOException {
        Matcher matcher = LEADER.matcher(log(dir, "n1"));
        String leader = null;
        while (matcher.find()) {
            leader = matcher.group(1);
        }
        return leader;
    }

    private static String log(Path dir, String node) throws IOException {
        Path file = dir.resolve(node + ".log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static void awaitLog(Path dir, String node, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!done.test(log(dir, node))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the log of " + node + " never showed what was awaited:\n" + log(dir, node));
            }
            Thread.sleep(200);
        }
    }
}
