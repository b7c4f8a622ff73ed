package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.config.PeerPki;
import org.colonyos.colonies.sdk.ClientTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code colonies server start --tlscert --tlskey} as its own process: it serves TLS with the given files, and on
 * SIGHUP serves a renewed certificate at once (the file watch is set to an hour, so only the signal can have
 * done it); {@code --metrics=false} turns {@code /metrics} off.
 */
@Timeout(180)
class ServerTlsIT {
    @TempDir
    Path dir;

    private void issue(String caName) {
        PeerPki ca = PeerPki.create(caName, Duration.ofDays(1));
        ca.writeAuthority(dir.resolve("ca.pem"), null);
        ca.issue("server", List.of("127.0.0.1"), dir.resolve("server.crt"), dir.resolve("server.key"),
                Duration.ofDays(1));
    }

    @Test
    void theServerServesTlsAndReloadsItsCertificateOnSighup() throws Exception {
        issue("first CA");
        int port = PeerAddress.freeLoopbackPort();
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", DevProcess.JAR.toString(), "server", "start",
                "--data-dir", dir.resolve("data").toString(), "--port", String.valueOf(port), "--tlscert",
                dir.resolve("server.crt").toString(), "--tlskey", dir.resolve("server.key").toString(),
                "--metrics=false").redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().put("COLONIES_TLS_RELOAD_INTERVAL", "3600");
        java.lang.Process server = builder.start();
        try {
            BigInteger first = awaitSerial(port, null);
            issue("second CA");
            new ProcessBuilder("kill", "-HUP", String.valueOf(server.pid())).start().waitFor(10, TimeUnit.SECONDS);
            BigInteger second = awaitSerial(port, first);
            assertNotEquals(first, second);
            HttpResponse<String> metrics = HttpClient.newBuilder().sslContext(trustingCa()).build().send(HttpRequest
                    .newBuilder(URI.create("https://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, metrics.statusCode(), "--metrics=false");
            assertTrue(server.isAlive(), Files.readString(dir.resolve("server.log")));
        } finally {
            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stopped on SIGTERM");
        }
    }

    /** The serial of the certificate the server presents, once it differs from {@code previous} (null: any). */
    private BigInteger awaitSerial(int port, BigInteger previous) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                BigInteger served = servedSerial(port);
                if (!served.equals(previous)) {
                    return served;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet, or still the old certificate
            }
            assertTrue(System.nanoTime() < deadline, "no (new) certificate: "
                    + Files.readString(dir.resolve("server.log")));
            Thread.sleep(100);
        }
    }

    /** A TLS context trusting the CA file as it is now. */
    private SSLContext trustingCa() {
        return ClientTls.trusting(dir.resolve("ca.pem")).sslContext();
    }

    /** Handshakes trusting the CA file as it is now and returns the leaf's serial. */
    private BigInteger servedSerial(int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) trustingCa().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }
}
