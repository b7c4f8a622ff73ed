package org.colonyos.colonies.cli.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Misbehaving clients on raw sockets, for {@code colonies bench overload}: keep-alive connections that go idle
 * after one request, uploads that send their body a byte a second, and requests whose replies are not read
 * (long-polls). Each socket is one connection the server must hold or refuse.
 *
 * <p>Not thread-safe: one bench drives it; the slow uploads are fed by one scheduler thread.
 */
final class Abusers implements AutoCloseable {
    private final InetSocketAddress server;
    private final String host;
    private final List<SocketChannel> sockets = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-slow-uploads");
        thread.setDaemon(true);
        return thread;
    });

    Abusers(URI url) {
        this.server = new InetSocketAddress(url.getHost(), url.getPort());
        this.host = url.getHost() + ":" + url.getPort();
    }

    /** Opens connections that each make one {@code GET /health} and then stay open and silent; how many got 200. */
    int idleKeepAlives(int count) throws IOException {
        List<SocketChannel> opened = open(count, "GET /health HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
        return (int) statusLines(opened, 10_000).stream().filter(line -> line.startsWith("HTTP/1.1 200")).count();
    }

    /** Starts uploads that announce a body of 1 MB and then send one byte a second. */
    void slowUploads(int count) throws IOException {
        List<SocketChannel> uploads = open(count, "POST /api HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{");
        trickle.scheduleAtFixedRate(() -> uploads.forEach(channel -> {
            try {
                channel.write(ByteBuffer.wrap(new byte[] {' '}));
            } catch (IOException closedByServer) {
                // the body timeout closed it: what the server is meant to do
            }
        }), 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Sends each body as a {@code POST /api} on its own connection and reads for {@code waitMillis}: the status
     * lines of the replies that came (refusals come at once; a held long-poll answers nothing).
     */
    List<String> unreadPosts(List<byte[]> bodies, long waitMillis) throws IOException {
        List<SocketChannel> posted = new ArrayList<>();
        for (byte[] body : bodies) {
            String head = "POST /api HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            SocketChannel channel = connect();
            write(channel, head.getBytes(StandardCharsets.US_ASCII));
            write(channel, body);
            posted.add(channel);
        }
        return statusLines(posted, waitMillis);
    }

    private List<SocketChannel> open(int count, String request) throws IOException {
        List<SocketChannel> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SocketChannel channel = connect();
            write(channel, request.getBytes(StandardCharsets.US_ASCII));
            opened.add(channel);
        }
        return opened;
    }

    private SocketChannel connect() throws IOException {
        SocketChannel channel = SocketChannel.open(server);
        sockets.add(channel);
        return channel;
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** The first line of whatever each channel receives within {@code waitMillis} (all channels together). */
    private static List<String> statusLines(List<SocketChannel> channels, long waitMillis) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (SocketChannel channel : channels) {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            ByteBuffer buffer = ByteBuffer.allocate(256);
            for (long left = waitMillis; left > 0 && !selector.keys().isEmpty();
                    left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                selector.select(Math.max(1, left));
                for (SelectionKey key : selector.selectedKeys()) {
                    buffer.clear();
                    int read = ((SocketChannel) key.channel()).read(buffer);
                    String text = read > 0 ? new String(buffer.array(), 0, read, StandardCharsets.US_ASCII) : "";
                    lines.add(text.isEmpty() ? "(closed)" : text.lines().findFirst().orElse(""));
                    key.cancel();
                }
                selector.selectedKeys().clear();
            }
        }
        return lines;
    }

    /** Connections this abuser has open (some may have been closed by the server). */
    int opened() {
        return sockets.size();
    }

    @Override
    public void close() {
        trickle.shutdownNow();
        for (SocketChannel channel : sockets) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
