package org.colonyos.colonies.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.ConnectionLimits;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections that send nothing, half a header or half a body, idle keep-alives and silent WebSockets are
 * closed once their timeout passes; connections over the cap are closed at once; the server keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ConnectionLimitsTest {
    private static final ConnectionLimits LIMITS = new ConnectionLimits(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 40);
    /** How long a test waits for a close that is due after at most 2 s. */
    private static final int PATIENCE_MILLIS = 8_000;
    private ColoniesServer server;
    private int port;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestServer.start(dir,
                ApiSettings.DEFAULT.withMaxBodyBytes(TestServer.MAX_BODY).withConnections(LIMITS));
        port = URI.create(server.url()).getPort();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(PATIENCE_MILLIS);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads until the server closes the connection and returns what came; fails if it stays open too long. */
    private static String assertClosedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder received = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection is still open after " + PATIENCE_MILLIS + " ms", e);
        } catch (IOException reset) {
            // a reset is a close too
        }
        return received.toString();
    }

    private boolean serves() {
        try (Socket socket = connect()) {
            send(socket, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                    .startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    private static void assertStatusLine(Socket socket, String expected) throws IOException {
        byte[] head = new byte[expected.length()];
        assertEquals(head.length, socket.getInputStream().readNBytes(head, 0, head.length));
        assertEquals(expected, new String(head, StandardCharsets.US_ASCII));
    }

    @Test
    void silentHalfHeaderAndHalfBodyConnectionsAreClosed() throws Exception {
        try (Socket silent = connect(); Socket halfHeader = connect(); Socket halfBody = connect()) {
            send(halfHeader, "POST /api HTTP/1.1\r\nHost: x\r\n");
            send(halfBody, "POST /api HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"payload");
            long start = System.nanoTime();
            assertClosedByServer(silent);
            assertClosedByServer(halfHeader);
            assertClosedByServer(halfBody);
            assertTrue(System.nanoTime() - start < PATIENCE_MILLIS * 1_000_000L);
        }
        assertTrue(serves());
    }

    @Test
    void anIdleKeepAliveIsClosedAfterItsTimeoutButNotBefore() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertStatusLine(socket, "HTTP/1.1 200");
            Thread.sleep(1_200);
            send(socket, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            String rest = assertClosedByServer(socket);
            assertTrue(rest.contains("HTTP/1.1 200"), "the second request, before the idle timeout, was served");
        }
    }

    @Test
    void aWebSocketThatNeverAnswersPingsIsClosed() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /pubsub HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
            assertStatusLine(socket, "HTTP/1.1 101");
            assertClosedByServer(socket);
        }
    }

    @Test
    void connectionsOverTheCapAreToldSoAndClosedAtOnce() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < LIMITS.maxConnections(); i++) {
                Socket socket = connect();
                held.add(socket);
                send(socket, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
                assertStatusLine(socket, "HTTP/1.1 200");
            }
            try (Socket over = connect()) {
                long start = System.nanoTime();
                String reply = assertClosedByServer(over);
                assertTrue(System.nanoTime() - start < 900_000_000L, "closed before any timeout");
                assertTrue(reply.startsWith("HTTP/1.1 503 Service Unavailable") && reply.endsWith("too many open "
                        + "connections here"), reply);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        Eventually.until(Duration.ofSeconds(10), this::serves, () -> "no longer serves after the cap was reached");
    }
}
