package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.TestServer.COLONY_KEY;
import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.ApiTls;
import org.colonyos.colonies.config.ConfigException;
import org.colonyos.colonies.config.PeerPki;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ClientTls;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.colonyos.colonies.sdk.HttpEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over TLS against a real server: clients that trust the server's CA work over https and wss, others are
 * refused unless they skip verification, plain HTTP is answered with a 400, and a renewed certificate is used
 * without a restart (when the files change, and at once on an explicit reload).
 */
@Timeout(120)
class ApiTlsEndToEndTest {
    private static final Duration RELOAD = Duration.ofMillis(200);
    @TempDir
    Path dir;
    private ColoniesServer server;
    private Path caFile;

    @BeforeEach
    void start() throws Exception {
        caFile = dir.resolve("ca.pem");
        issue(PeerPki.create("test CA", Duration.ofDays(1)), caFile);
        server = TestServer.start(dir.resolve("node"), ApiSettings.DEFAULT.withTls(Optional.of(new ApiTls(
                dir.resolve("server.crt").toString(), dir.resolve("server.key").toString(), RELOAD))));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** Writes a server certificate from {@code ca} for 127.0.0.1, and the CA's certificate to {@code caOut}. */
    private void issue(PeerPki ca, Path caOut) {
        ca.writeAuthority(caOut, null);
        ca.issue("server", List.of("127.0.0.1", "localhost"), dir.resolve("server.crt"), dir.resolve("server.key"),
                Duration.ofDays(1));
    }

    private ColoniesClient client(ClientTls tls) {
        return new ColoniesClient(List.of(URI.create(server.url())), Duration.ofSeconds(20), HttpEngine.JDK_CLIENT,
                tls);
    }

    @Test
    void theSdkWorksOverHttpsAndWssWithTheTestCa() {
        assertTrue(server.url().startsWith("https://127.0.0.1:"), server.url());
        ColoniesClient client = client(ClientTls.trusting(caFile));
        assertTrue(client.serverInfo().backends().get(0).tls(), "server info says the API uses TLS");
        String executorKey = Secp256k1.generatePrivateKey();
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), "tls"), SERVER_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(executorKey), "cli", "e", "tls"), COLONY_KEY);
        client.approveExecutor("tls", "e", COLONY_KEY);
        ColonyProcess submitted = client.submit(FunctionSpec.of("tls", "cli", "f", List.of()), executorKey);
        ColonyProcess seen = client.waitForProcess("tls", submitted.processId(), ProcessState.WAITING, 10, executorKey)
                .orElseThrow();
        assertEquals(submitted.processId(), seen.processId(), "the subscription answered over wss");
        ColoniesClient keepAlive = new ColoniesClient(List.of(URI.create(server.url())), Duration.ofSeconds(20),
                HttpEngine.KEEP_ALIVE_SOCKETS, ClientTls.trusting(caFile));
        assertEquals(submitted.processId(), keepAlive.getProcess(submitted.processId(), executorKey).processId(),
                "a keep-alive client given an https URL uses the JDK client");
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefusedUnlessItSkipsVerification() {
        issueOther();
        ColoniesException untrusted = assertThrows(ColoniesException.class,
                () -> client(ClientTls.trusting(dir.resolve("other-ca.pem"))).version());
        assertTrue(untrusted.getMessage().contains("TLS handshake failed"), untrusted.getMessage());
        assertThrows(ColoniesException.class, () -> client(ClientTls.systemTrust()).version());
        assertEquals("test", client(ClientTls.skipVerify()).version().buildVersion());
    }

    private void issueOther() {
        PeerPki.create("other CA", Duration.ofDays(1)).writeAuthority(dir.resolve("other-ca.pem"), null);
    }

    @Test
    void plainHttpToTheTlsPortIsAnswered400AndClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.httpPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /api HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(reply.startsWith("HTTP/1.1 400 Bad Request"), reply);
            assertTrue(reply.endsWith("Client sent an HTTP request to an HTTPS server.\n"), reply);
        }
        ColoniesClient plain = new ColoniesClient(URI.create(server.url().replace("https:", "http:")));
        assertThrows(ColoniesException.class, plain::version);
    }

    @Test
    void onlyTls12AndNewerAreOffered() throws Exception {
        assertEquals("TLSv1.2", handshake("TLSv1.2").getSession().getProtocol());
        assertEquals("TLSv1.3", handshake("TLSv1.3").getSession().getProtocol());
    }

    /** A finished handshake that trusts any certificate and speaks only {@code protocol}. */
    private SSLSocket handshake(String protocol) throws Exception {
        SSLSocket socket = (SSLSocket) ClientTls.skipVerify().sslContext().getSocketFactory()
                .createSocket("127.0.0.1", server.httpPort());
        socket.setEnabledProtocols(new String[] {protocol});
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    private BigInteger servedSerial() throws Exception {
        try (SSLSocket socket = handshake("TLSv1.3")) {
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    @Test
    void aRenewedCertificateIsUsedWithoutARestart() throws Exception {
        BigInteger first = servedSerial();
        Path newCa = dir.resolve("new-ca.pem");
        issue(PeerPki.create("new CA", Duration.ofDays(1)), newCa);
        ColoniesClient renewed = client(ClientTls.trusting(newCa));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (servedSerial().equals(first)) {
            assertTrue(System.nanoTime() < deadline, "the changed files were not picked up");
            Thread.sleep(50);
        }
        assertEquals("test", renewed.version().buildVersion(), "new connections get the new certificate");
    }

    @Test
    void anExplicitReloadTakesEffectAtOnceAndBadFilesKeepTheCurrentCertificate() throws Exception {
        BigInteger first = servedSerial();
        Files.writeString(dir.resolve("server.key"), "not a key");
        assertThrows(ConfigException.class, server::reloadTls);
        Thread.sleep(3 * RELOAD.toMillis());
        assertEquals(first, servedSerial(), "unusable files leave the current certificate in force");
        issue(PeerPki.create("next CA", Duration.ofDays(1)), dir.resolve("next-ca.pem"));
        server.reloadTls();
        assertTrue(!servedSerial().equals(first));
    }
}
