package org.colonyos.colonies.sm.node;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Raft client a node forwards writes and admin calls with. Ratis's ordered async client closes its sliding
 * window for good once one request exhausts its retries (for example on the minority side of a partition), and
 * every later request then fails at once; this holder replaces such a client with a fresh one and re-sends the
 * request that was refused locally (it never left the node, so re-sending cannot duplicate it).
 *
 * <p>Thread-safe.
 */
final class ForwardingClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ForwardingClient.class);

    private final RaftGroup group;
    private final Parameters transport;
    private final AtomicReference<RaftClient> current;
    private volatile boolean closed;

    /**
     * @param group the Raft group to send to
     * @param transport the gRPC parameters (peer TLS) the node's server uses as well
     */
    ForwardingClient(RaftGroup group, Parameters transport) {
        this.group = group;
        this.transport = transport;
        this.current = new AtomicReference<>(newClient());
    }

    private RaftClient newClient() {
        return RaftClient.newBuilder().setRaftGroup(group).setProperties(RaftSettings.clientProperties())
                .setParameters(transport).setRetryPolicy(RaftSettings.clientRetryPolicy()).build();
    }

    /** Sends a write to the leader, replacing a client whose window was closed by an earlier failure. */
    CompletableFuture<RaftClientReply> send(Message message) {
        RaftClient client = current.get();
        return client.async().send(message).handle((reply, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(reply);
            }
            if (closed || !(Failures.cause(error) instanceof AlreadyClosedException)) {
                return CompletableFuture.<RaftClientReply>failedFuture(error);
            }
            return renew(client).async().send(message);
        }).thenCompose(Function.identity());
    }

    private RaftClient renew(RaftClient broken) {
        RaftClient fresh = newClient();
        if (current.compareAndSet(broken, fresh)) {
            LOG.warn("the forwarding Raft client gave up after a failed request; using a new one");
            closeQuietly(broken);
            return fresh;
        }
        closeQuietly(fresh);
        return current.get();
    }

    private static void closeQuietly(RaftClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing a replaced Raft client: {}", e.toString());
        }
    }

    /** The client for blocking admin and snapshot calls. */
    RaftClient blocking() {
        return current.get();
    }

    /** The id the current client's requests carry. */
    String id() {
        return current.get().getId().toString();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        current.get().close();
    }
}
