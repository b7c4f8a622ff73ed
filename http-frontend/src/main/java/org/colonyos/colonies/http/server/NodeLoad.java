package org.colonyos.colonies.http.server;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a node's HTTP server holds at this moment: open connections and open {@code /pubsub} sockets, counted
 * by the handlers that open and close them, read by the caps and by metrics.
 *
 * <p>Thread-safe.
 */
final class NodeLoad {
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger subscriptions = new AtomicInteger();
}
