package org.colonyos.colonies.sm.node;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.TimeoutIOException;

/**
 * How a node that is not the leader hands its writes to the leader. Each write goes to the peer this node's
 * own Raft server knows as leader; when that changes while the write is under way (the old leader was killed,
 * frozen or cut off, and the others elected a new one), the write is sent again to the new leader at once,
 * instead of waiting for the old one to time out. Every attempt of a write carries the same client and call id,
 * so the leader's retry cache answers an attempt whose write is already in the log, and a write is applied
 * once. A write that no leader has accepted after {@link #GIVE_UP_NANOS} fails (a node cut off from the
 * majority answers instead of hanging).
 *
 * <p>Ratis's own client is used only as the gRPC transport (its unordered stream) and for admin calls: its
 * retry path would, after a timeout, close the channel to the unresponsive peer on the shared timer thread and
 * wait there for seconds, stalling every forwarded write in the JVM.
 *
 * <p>Thread-safe.
 */
final class ForwardingClient implements AutoCloseable {
    /** How long a write keeps looking for a leader that accepts it. */
    static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(20);
    /** How often a write under way checks whether the leader changed, and the pause before another attempt. */
    private static final long CHECK_MILLIS = 25;

    private final RaftGroup group;
    private final Supplier<Optional<RaftPeer>> leaderView;
    private final RaftClient transport;
    private final RaftClient admin;
    private final ClientId clientId = ClientId.randomId();
    private final AtomicLong callIds = new AtomicLong();
    private final Set<Object> knownPeers = ConcurrentHashMap.newKeySet();
    private final Set<Forward> pending = ConcurrentHashMap.newKeySet();
    /** Peers whose connection is being replaced after an error; writes wait rather than reuse it. */
    private final Set<Object> resetting = ConcurrentHashMap.newKeySet();
    private final ExecutorService resets = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "colonies-forwarding-reset");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "colonies-forwarding");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    /**
     * @param group the Raft group to send to
     * @param transport the gRPC parameters (peer TLS) the node's server uses as well
     * @param leaderView the leader this node's server knows now (with its address), if any
     */
    ForwardingClient(RaftGroup group, Parameters transport, Supplier<Optional<RaftPeer>> leaderView) {
        this.group = group;
        this.leaderView = leaderView;
        this.transport = RaftClient.newBuilder().setRaftGroup(group).setProperties(RaftSettings.clientProperties())
                .setParameters(transport).build();
        this.admin = RaftClient.newBuilder().setRaftGroup(group).setProperties(RaftSettings.adminClientProperties())
                .setParameters(transport).setRetryPolicy(RaftSettings.adminRetryPolicy()).build();
        group.getPeers().forEach(peer -> knownPeers.add(peer.getId()));
    }

    /** Sends a write to the leader; completes with the leader's reply, or fails once no leader accepted it. */
    CompletableFuture<RaftClientReply> send(Message message) {
        Forward forward = new Forward(message, callIds.incrementAndGet(), System.nanoTime() + GIVE_UP_NANOS);
        pending.add(forward);
        forward.result.whenComplete((reply, error) -> pending.remove(forward));
        forward.attempt(Optional.empty());
        return forward.result;
    }

    /** One write on its way to the leader. Its attempts are numbered; only the latest one's answer counts. */
    private final class Forward {
        private final Message message;
        private final long callId;
        private final long deadline;
        private final CompletableFuture<RaftClientReply> result = new CompletableFuture<>();
        private long attempts;

        Forward(Message message, long callId, long deadline) {
            this.message = message;
            this.callId = callId;
            this.deadline = deadline;
        }

        /** Sends to the suggested peer, else to the leader this node knows; waits a little if it knows none. */
        synchronized void attempt(Optional<RaftPeer> suggested) {
            if (result.isDone()) {
                return;
            }
            if (closed || System.nanoTime() - deadline > 0) {
                result.completeExceptionally(closed ? new AlreadyClosedException("the node is closing")
                        : new TimeoutIOException("no leader accepted the write within 20 s"));
                return;
            }
            long attempt = ++attempts;
            Optional<RaftPeer> target = suggested.or(leaderView);
            if (target.isEmpty()) {
                later(() -> attempt(Optional.empty()));
                return;
            }
            RaftPeer leader = target.get();
            if (resetting.contains(leader.getId())) {
                later(() -> attempt(suggested));
                return;
            }
            know(leader);
            RaftClientRequest request = RaftClientRequest.newBuilder().setClientId(clientId)
                    .setServerId(leader.getId()).setGroupId(group.getGroupId()).setCallId(callId)
                    .setMessage(message).setType(RaftClientRequest.writeRequestType()).build();
            transport.getClientRpc().sendRequestAsyncUnordered(request)
                    .whenComplete((reply, error) -> answered(attempt, leader, reply, error));
            watch(attempt, leader);
        }

        private synchronized void answered(long attempt, RaftPeer peer, RaftClientReply reply, Throwable error) {
            if (error != null) {
                reset(peer, error);
            }
            if (attempt != attempts || result.isDone()) {
                return;
            }
            if (error == null && reply.getNotLeaderException() == null && !isLeaderNotReady(reply)) {
                result.complete(reply);
                return;
            }
            Optional<RaftPeer> suggested = error != null || reply.getNotLeaderException() == null ? Optional.empty()
                    : Optional.ofNullable(reply.getNotLeaderException().getSuggestedLeader());
            later(() -> attempt(suggested));
        }

        /** While an attempt is under way, moves the write to a new leader as soon as this node knows one. */
        private void watch(long attempt, RaftPeer leader) {
            later(() -> {
                synchronized (this) {
                    if (attempt != attempts || result.isDone()) {
                        return;
                    }
                    Optional<RaftPeer> now = leaderView.get();
                    if (now.isPresent() && !now.get().getId().equals(leader.getId())) {
                        attempt(now);
                    } else {
                        watch(attempt, leader);
                    }
                }
            });
        }
    }

    private static boolean isLeaderNotReady(RaftClientReply reply) {
        return reply.getException() instanceof org.apache.ratis.protocol.exceptions.LeaderNotReadyException;
    }

    /**
     * Replaces the connection to a peer that failed a request (its stream is closed after an error). Closing a
     * connection to a peer that does not answer waits seconds, so it happens on a thread of its own, and writes
     * to other peers go on meanwhile.
     */
    private void reset(RaftPeer peer, Throwable error) {
        if (!closed && resetting.add(peer.getId())) {
            resets.execute(() -> {
                try {
                    transport.getClientRpc().handleException(peer.getId(), error, true);
                } finally {
                    resetting.remove(peer.getId());
                }
            });
        }
    }

    private void know(RaftPeer peer) {
        if (knownPeers.add(peer.getId())) {
            transport.getClientRpc().addRaftPeers(List.of(peer));
        }
    }

    private void later(Runnable action) {
        if (!closed) {
            timer.schedule(action, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void failPending() {
        for (Forward forward : pending) {
            forward.result.completeExceptionally(new AlreadyClosedException("the node is closing"));
        }
    }

    /**
     * The client for blocking admin and snapshot calls: its requests may take long (a new member catching up),
     * so it waits for the peer longer than a forwarded write does.
     */
    RaftClient blocking() {
        return admin;
    }

    /** The id forwarded writes carry. */
    String id() {
        return clientId.toString();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        timer.shutdownNow();
        resets.shutdownNow();
        failPending();
        try {
            transport.close();
        } finally {
            admin.close();
        }
    }
}
