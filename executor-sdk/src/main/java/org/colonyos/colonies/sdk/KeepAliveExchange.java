package org.colonyos.colonies.sdk;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * {@link HttpExchange} of plain HTTP/1.1 on keep-alive connections, pooled per server. The calling thread
 * writes the request and reads the reply itself (blocking), so a call needs no other thread.
 *
 * <p>A pooled connection is checked before it is used: one the server has closed (a restarted or stopped
 * node) is dropped and a new one opened, so a request is only ever written to a connection that was open a
 * moment before. A connection is pooled again only after a complete reply that allows keep-alive.
 *
 * <p>Thread-safe: each connection is used by one call at a time.
 */
final class KeepAliveExchange implements HttpExchange {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private final Map<String, Deque<HttpConnection>> idle = new ConcurrentHashMap<>();

    @Override
    public Reply post(URI url, byte[] body, Duration timeout) throws IOException {
        if (!"http".equalsIgnoreCase(url.getScheme())) {
            throw new IOException(HttpEngine.KEEP_ALIVE_SOCKETS + " supports http URLs only, not " + url);
        }
        Deque<HttpConnection> pool = idle.computeIfAbsent(url.getHost() + ":" + HttpConnection.port(url),
                server -> new ConcurrentLinkedDeque<>());
        HttpConnection connection = openOrReuse(pool, url);
        boolean reusable = false;
        try {
            HttpConnection.Response response = connection.exchange(url, body, timeout);
            reusable = response.keepAlive();
            return response.reply();
        } finally {
            if (reusable) {
                pool.offerFirst(connection);
            } else {
                connection.close();
            }
        }
    }

    private static HttpConnection openOrReuse(Deque<HttpConnection> pool, URI url) throws IOException {
        for (HttpConnection pooled = pool.pollFirst(); pooled != null; pooled = pool.pollFirst()) {
            if (pooled.isOpen()) {
                return pooled;
            }
            pooled.close();
        }
        return HttpConnection.open(url, CONNECT_TIMEOUT);
    }
}
