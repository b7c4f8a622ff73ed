package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.proto.model.ColonyProcess;
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
    private static final Pattern DATA_DIR = Pattern.compile("\\(data in ([^,)]+)");

    @TempDir
    Path dir;

    private static void stop(DevProcess dev) throws InterruptedException {
        dev.process().destroy();
        assertTrue(dev.process().waitFor(60, TimeUnit.SECONDS), "dev stopped on SIGTERM");
    }

    @Test
    void aRestartOnTheSameDataDirServesTheSameColonyWithTheSameKeys() throws Exception {
        assertTrue(Files.exists(DevProcess.JAR), "run after package: " + DevProcess.JAR.toAbsolutePath());
        int port = PeerAddress.freeLoopbackPort();
        List<String> args = List.of("--port", String.valueOf(port), "--data-dir", dir.resolve("data").toString());
        DevProcess first = DevProcess.start(dir, args);
        Map<String, String> exports = first.exports();
        assertEquals(String.valueOf(port), exports.get("COLONIES_SERVER_HTTP_PORT"));
        assertEquals(String.valueOf(port), exports.get("COLONIES_SERVER_PORT"));
        ColoniesClient client = new ColoniesClient(URI.create("http://127.0.0.1:" + port));
        ColonyProcess before = client.submit(FunctionSpec.of("dev", "cli", "echo", List.of("kept")),
                exports.get("COLONIES_PRVKEY"));
        stop(first);

        DevProcess second = DevProcess.start(dir, args);
        try {
            assertEquals(exports, second.exports(), "the same keys and colony");
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
        assertTrue(Files.exists(DevProcess.JAR), "run after package: " + DevProcess.JAR.toAbsolutePath());
        DevProcess dev = DevProcess.start(dir, List.of("--port", String.valueOf(PeerAddress.freeLoopbackPort())));
        Matcher matcher = DATA_DIR.matcher(dev.output());
        assertTrue(matcher.find(), dev.output());
        Path temporary = Path.of(matcher.group(1));
        assertTrue(Files.isDirectory(temporary));
        stop(dev);
        assertFalse(Files.exists(temporary), "left behind: " + temporary);
    }
}
