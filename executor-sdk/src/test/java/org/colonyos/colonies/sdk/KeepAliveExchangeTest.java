package org.colonyos.colonies.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link KeepAliveExchange} against a scripted HTTP/1.1 server on loopback: reply framings, connection reuse,
 * a connection the server closed between calls, refusal, timeouts and what it will not do.
 */
@Timeout(30)
class KeepAliveExchangeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final KeepAliveExchange exchange = new KeepAliveExchange();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket server;

    /** Serves each connection: reads one request per reply in {@code replies}, then closes it. */
    private URI serve(List<String> replies) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    try (Socket socket = server.accept()) {
                        connections.incrementAndGet();
                        for (String reply : replies) {
                            requests.add(readRequest(socket.getInputStream()));
                            OutputStream out = socket.getOutputStream();
                            out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                        }
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        thread.setDaemon(true);
        thread.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api");
    }

    private static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("client went away");
            }
            head.append((char) c);
        }
        String lengthLine = head.toString().lines().filter(l -> l.startsWith("Content-Length:")).findFirst()
                .orElseThrow();
        int length = Integer.parseInt(lengthLine.substring("Content-Length:".length()).trim());
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static String text(HttpExchange.Reply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void sendsAPostAndReusesTheConnectionForContentLengthReplies() throws Exception {
        URI url = serve(List.of("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst",
                "HTTP/1.1 400 Bad Request\r\ncontent-length: 6\r\n\r\nsecond"));
        HttpExchange.Reply first = exchange.post(url, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
        HttpExchange.Reply second = exchange.post(url, new byte[0], TIMEOUT);
        assertEquals(200, first.status());
        assertEquals("first", text(first));
        assertEquals(400, second.status());
        assertEquals("second", text(second));
        assertEquals(1, connections.get(), "one keep-alive connection for both calls");
        assertTrue(requests.get(0).startsWith("POST /api HTTP/1.1\r\n"), requests.get(0));
        assertTrue(requests.get(0).contains("Content-Type: application/json\r\n"));
        assertTrue(requests.get(0).endsWith("\r\n\r\n{\"a\":1}"));
    }

    /** The server keeps the first connection open after a reply followed by stray bytes. */
    @Test
    void aConnectionWithBytesLeftAfterAReplyIsNotReused() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket first = server.accept()) {
                answer(first, "first", "JUNK");
                try (Socket second = server.accept()) {
                    answer(second, "second", "");
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        thread.setDaemon(true);
        thread.start();
        URI url = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api");
        assertEquals("first", text(exchange.post(url, new byte[0], TIMEOUT)));
        assertEquals("second", text(exchange.post(url, new byte[0], TIMEOUT)), "asked on a new connection");
    }

    /** Reads a request on {@code socket} and replies {@code body}, then {@code stray} bytes. */
    private static void answer(Socket socket, String body, String stray) throws IOException {
        readRequest(socket.getInputStream());
        socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body
                + stray).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsChunkedRepliesWithExtensionsAndTrailers() throws Exception {
        URI url = serve(List.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;x=y\r\nWiki\r\n6\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nTrailer: t\r\n\r\n"));
        assertEquals("Wikipedia in \r\n\r\nchunks.", text(exchange.post(url, new byte[0], TIMEOUT)));
    }

    @Test
    void aReplyWithoutLengthEndsWithTheConnectionWhichIsNotReused() throws Exception {
        URI url = serve(List.of("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{\"body\":\"to the end\"}"));
        assertEquals("{\"body\":\"to the end\"}", text(exchange.post(url, new byte[0], TIMEOUT)));
        assertEquals("{\"body\":\"to the end\"}", text(exchange.post(url, new byte[0], TIMEOUT)));
        assertEquals(2, connections.get());
    }

    @Test
    void aConnectionTheServerClosedIsReplacedBeforeTheRequestIsWritten() throws Exception {
        URI url = serve(List.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        assertEquals("ok", text(exchange.post(url, new byte[0], TIMEOUT)));
        Thread.sleep(200);
        assertEquals("ok", text(exchange.post(url, new byte[0], TIMEOUT)));
        assertEquals(2, connections.get());
        assertEquals(2, requests.size(), "each request was written once");
    }

    @Test
    void refusalIsAConnectExceptionAndOtherSchemesAreRefused() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/api");
        assertThrows(ConnectException.class, () -> exchange.post(closed, new byte[0], TIMEOUT));
        IOException https = assertThrows(IOException.class,
                () -> exchange.post(URI.create("https://127.0.0.1:1/api"), new byte[0], TIMEOUT));
        assertTrue(https.getMessage().contains("http URLs only"), https.getMessage());
    }

    @Test
    void aSilentServerTimesOutAndBadRepliesAreErrors() throws Exception {
        try (ServerSocket neverAccepts = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            URI silent = URI.create("http://127.0.0.1:" + neverAccepts.getLocalPort() + "/api");
            assertThrows(SocketTimeoutException.class,
                    () -> exchange.post(silent, new byte[0], Duration.ofMillis(300)));
        }
        for (String bad : List.of("SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 abc OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            URI url = serve(List.of(bad));
            assertThrows(IOException.class, () -> exchange.post(url, new byte[0], TIMEOUT), bad);
            server.close();
        }
    }
}
