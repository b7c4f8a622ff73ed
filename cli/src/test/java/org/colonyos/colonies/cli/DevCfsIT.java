package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.config.PeerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * CFS as a newcomer meets it: {@code colonies dev} prints the {@code AWS_S3_*} exports of its embedded S3 with
 * the others, and with those exports the CLI (as separate processes) syncs a directory up, takes a snapshot and
 * downloads it again, byte for byte.
 */
@Timeout(240)
class DevCfsIT {
    private static final Path JAR = DevProcess.JAR;

    @TempDir
    Path dir;

    @Test
    void devPrintsTheS3ExportsAndSyncSnapshotDownloadRoundTrips() throws Exception {
        assertTrue(Files.exists(JAR), "run after package: " + JAR.toAbsolutePath());
        DevProcess dev = DevProcess.start(dir, List.of("--port", String.valueOf(PeerAddress.freeLoopbackPort()),
                "--data-dir", dir.resolve("data").toString()));
        try {
            Map<String, String> env = dev.exports();
            for (String name : List.of("AWS_S3_ENDPOINT", "AWS_S3_ACCESSKEY", "AWS_S3_SECRETKEY", "AWS_S3_BUCKET",
                    "AWS_S3_TLS", "AWS_S3_REGION_KEY", "AWS_S3_SKIPVERIFY")) {
                assertTrue(env.containsKey(name), name + " in " + env);
            }
            Path up = Files.createDirectories(dir.resolve("up/nested"));
            Files.writeString(dir.resolve("up/a.txt"), "alpha");
            Files.writeString(up.resolve("b.txt"), "beta");
            cli(env, "fs", "sync", "-l", "/roundtrip", "-d", dir.resolve("up").toString(), "--yes");
            String listing = cli(env, "fs", "ls", "-l", "/roundtrip");
            assertTrue(listing.contains("a.txt"), listing);
            cli(env, "fs", "snapshot", "create", "-l", "/roundtrip", "-n", "first");
            Path down = dir.resolve("down");
            cli(env, "fs", "snapshot", "download", "-n", "first", "-d", down.toString());
            assertEquals("alpha", Files.readString(down.resolve("a.txt")));
            assertEquals("beta", Files.readString(down.resolve("nested/b.txt")));
        } finally {
            dev.process().destroy();
            assertTrue(dev.process().waitFor(60, TimeUnit.SECONDS), "dev stopped on SIGTERM");
        }
    }

    /** Runs the CLI as its own process with these variables; its output (it must exit 0). */
    private static String cli(Map<String, String> env, String... args) throws IOException, InterruptedException {
        DevProcess.Run run = DevProcess.cli(env, args);
        assertEquals(0, run.code(), String.join(" ", args) + ": " + run.output());
        return run.output();
    }
}
