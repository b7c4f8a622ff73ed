package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.config.PeerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code colonies dev --tls} as a user meets it: the exports turn TLS on and name the dev CA; with them the CLI
 * (as separate processes) runs a function end to end over https and wss; without the CA it is refused with a
 * message that says what to do, and {@code --skip-tls-verify} gets through; plain HTTP to the port fails.
 */
@Timeout(240)
class DevTlsIT {
    @TempDir
    Path dir;

    @Test
    void theCliWorksOverTlsWithTheDevCaAndIsRefusedWithoutIt() throws Exception {
        assertTrue(Files.exists(DevProcess.JAR), "run after package: " + DevProcess.JAR.toAbsolutePath());
        DevProcess dev = DevProcess.start(dir, List.of("--tls", "--port",
                String.valueOf(PeerAddress.freeLoopbackPort()), "--data-dir", dir.resolve("data").toString()));
        try {
            Map<String, String> env = dev.exports();
            assertEquals("true", env.get("COLONIES_TLS"));
            assertEquals(dir.resolve("data/tls/ca.pem").toString(), env.get("COLONIES_TLS_CA"));
            DevProcess.Run exec = DevProcess.cli(env, "function", "exec", "--func", "echo", "--args", "over-tls",
                    "--wait");
            assertEquals(0, exec.code(), exec.output());
            assertTrue(exec.output().contains("over-tls"), exec.output());
            Map<String, String> noCa = new HashMap<>(env);
            noCa.put("COLONIES_TLS_CA", "");
            DevProcess.Run refused = DevProcess.cli(noCa, "colony", "ls");
            assertEquals(1, refused.code(), refused.output());
            assertTrue(refused.output().contains("COLONIES_TLS_CA or --cacert"), refused.output());
            DevProcess.Run skipped = DevProcess.cli(noCa, "colony", "ls", "--skip-tls-verify");
            assertEquals(0, skipped.code(), skipped.output());
            DevProcess.Run withFlag = DevProcess.cli(noCa, "colony", "ls", "--cacert", env.get("COLONIES_TLS_CA"));
            assertEquals(0, withFlag.code(), withFlag.output());
            String plainUrl = "http://127.0.0.1:" + env.get("COLONIES_SERVER_HTTP_PORT") + "/health";
            HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(plainUrl))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, plain.statusCode(), "plain HTTP to the TLS port");
        } finally {
            dev.process().destroy();
            assertTrue(dev.process().waitFor(60, TimeUnit.SECONDS), "dev stopped on SIGTERM");
        }
    }
}
