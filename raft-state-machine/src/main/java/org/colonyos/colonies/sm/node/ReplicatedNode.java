package org.colonyos.colonies.sm.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.protocol.exceptions.LeaderNotReadyException;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.config.RequestLimits;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.BootstrapServerId;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.sm.ColoniesStateMachine;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.Signals;
import org.colonyos.colonies.sm.snapshot.StateFiles;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running member of the Raft group: the Ratis server with the Colonies state machine, and the client this
 * node uses to forward writes to the leader and to run ReadIndex barriers.
 *
 * <p>Thread-safe: submit, readBarrier and read may be called from any thread.
 */
public final class ReplicatedNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedNode.class);
    /** Log format written by this version. */
    public static final int LOG_FORMAT_VERSION = 1;
    /**
     * The largest entry proposed: well inside Ratis's 4 MiB bound on what a leader sends a follower at once, so
     * no entry can stall replication or cost the leader its term. A client entry carries the request as sent,
     * so a body under the HTTP limit (2 MiB by default) always fits.
     */
    public static final int MAX_ENTRY_BYTES = 3 * 1024 * 1024;
    private static final long BARRIER_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final RaftServer server;
    private final ForwardingClient client;
    private final ColoniesStateMachine stateMachine;
    private final RaftPeerId selfId;
    private final RaftGroupId groupId;
    /** The identity of requests this node hands to its own server directly, without the gRPC client. */
    private final ClientId localClientId = ClientId.randomId();
    private final AtomicLong nextLocalCallId = new AtomicLong();
    private final ProposalBatcher batcher;
    private volatile ProposalListener proposalListener = (writes, forwarded) -> { };
    private volatile boolean closed;
    private final CompletableFuture<Void> bootstrapped = new CompletableFuture<>();
    private final PeerWatch peerWatch;
    private final ExecutorService membershipExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "colonies-membership");
        thread.setDaemon(true);
        return thread;
    });

    private ReplicatedNode(RaftServer server, ForwardingClient client, ColoniesStateMachine stateMachine,
            RaftPeerId selfId, RaftGroupId groupId, RequestLimits limits) {
        this.batcher = new ProposalBatcher(this::propose, ProposalBatcher.Limits.DEFAULT.withQueue(
                limits.maxQueuedWrites(), limits.maxQueuedWriteBytes()));
        this.server = server;
        this.client = client;
        this.stateMachine = stateMachine;
        this.selfId = selfId;
        this.groupId = groupId;
        this.peerWatch = new PeerWatch(this::roleInfo, () -> System.nanoTime() / 1_000_000).start();
    }

    private Optional<RoleInfoProto> roleInfo() {
        try {
            return Optional.of(server.getDivision(groupId).getInfo().getRoleInfoProto());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts the node and writes the configured server owner id into a fresh state. A one-node cluster waits
     * until that is done; a member of a larger cluster returns at once (its peers may not be up yet) and keeps
     * trying in the background until a leader exists.
     */
    public static ReplicatedNode start(NodeSettings settings, Clock clock) throws IOException {
        return start(settings, RequestLimits.DEFAULT, clock);
    }

    /** Starts the node as {@link #start(NodeSettings, Clock)}, with these caps on its queue of writes. */
    public static ReplicatedNode start(NodeSettings settings, RequestLimits limits, Clock clock) throws IOException {
        return start(settings, limits, clock, load -> {
            Thread thread = new Thread(load, settings.nodeId() + "-load");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Starts the node as {@link #start(NodeSettings, Clock)}, its state loaded by {@code stateLoader} (tests). */
    static ReplicatedNode start(NodeSettings settings, RequestLimits limits, Clock clock, Executor stateLoader)
            throws IOException {
        if (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() < 2) {
            LOG.warn("the common pool's parallelism is below 2, so every Raft reply starts a thread; run with "
                    + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2 (the colonies command does)");
        }
        Parameters transport = RaftSettings.transportParameters(settings);
        RaftGroup group = group(settings);
        RaftPeerId selfId = RaftPeerId.valueOf(settings.nodeId());
        ColoniesStateMachine stateMachine = new ColoniesStateMachine(
                new StateFiles(settings.dataDir().resolve("state")), clock, stateLoader);
        RaftServer server = RaftServer.newBuilder().setServerId(selfId).setGroup(group)
                .setProperties(RaftSettings.serverProperties(settings)).setParameters(transport)
                .setStateMachine(stateMachine).setOption(RaftStorage.StartupOption.RECOVER).build();
        server.start();
        try {
            stateMachine.awaitLoaded();
        } catch (IOException e) {
            server.close();
            throw e;
        }
        ForwardingClient client = new ForwardingClient(group, transport, () -> leaderOf(server, group.getGroupId()));
        ReplicatedNode node = new ReplicatedNode(server, client, stateMachine, selfId, group.getGroupId(),
                limits);
        if (settings.cluster().nodes().size() > 1) {
            node.bootstrapInBackground(settings.serverId());
            return node;
        }
        try {
            node.bootstrapServerId(settings.serverId());
            node.bootstrapped.complete(null);
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** The leader the node's server knows now, with its address from the current configuration. */
    private static Optional<RaftPeer> leaderOf(RaftServer server, RaftGroupId groupId) {
        try {
            RaftServer.Division division = server.getDivision(groupId);
            RaftPeerId leader = division.getInfo().getLeaderId();
            return leader == null ? Optional.empty() : Optional.ofNullable(division.getRaftConf().getPeer(leader));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void bootstrapInBackground(String serverId) {
        Thread thread = new Thread(() -> {
            while (!closed) {
                try {
                    bootstrapServerId(serverId);
                    bootstrapped.complete(null);
                    return;
                } catch (IOException e) {
                    LOG.debug("server id not written yet, retrying: {}", e.getMessage());
                }
            }
        }, "colonies-bootstrap");
        thread.setDaemon(true);
        thread.start();
    }

    private static RaftGroup group(NodeSettings settings) {
        RaftPeer[] peers = settings.cluster().nodes().stream()
                .map(n -> RaftPeer.newBuilder().setId(n.id()).setAddress(n.raftAddress()).build())
                .toArray(RaftPeer[]::new);
        UUID groupUuid = UUID.nameUUIDFromBytes(settings.cluster().name().getBytes(StandardCharsets.UTF_8));
        return RaftGroup.valueOf(RaftGroupId.valueOf(groupUuid), peers);
    }

    private void bootstrapServerId(String serverId) throws IOException {
        if (serverId.isEmpty()) {
            return;
        }
        try {
            CatchUp.await(this::readBarrier, this::lastAppliedIndex, () -> closed);
            String stored = read(ColoniesState::serverId);
            if (stored.isEmpty()) {
                submit(LogEntry.newBuilder().setBootstrapServerId(BootstrapServerId.newBuilder()
                        .setServerId(serverId)).build()).get(60, TimeUnit.SECONDS);
            } else if (!stored.equals(serverId)) {
                LOG.warn("COLONIES_SERVER_ID differs from the server id stored in the replicated state; the stored "
                        + "id {} stays in force (change it with changeserveridmsg)", stored);
            }
        } catch (Exception e) {
            throw new IOException("could not initialise the server id: " + e.getMessage(), e);
        }
    }

    /**
     * Replicates an entry through the leader and completes with its apply reply. Writes submitted while this
     * node's earlier proposals are under way travel together in one Raft entry ({@link ProposalBatcher}). An
     * entry over {@link #MAX_ENTRY_BYTES} fails at once with a 413 {@link Rejection}, proposing nothing.
     */
    public CompletableFuture<ApplyReply> submit(LogEntry entry) {
        LogEntry versioned = entry.toBuilder().setFormatVersion(LOG_FORMAT_VERSION).build();
        if (versioned.getSerializedSize() > MAX_ENTRY_BYTES) {
            return CompletableFuture.failedFuture(Rejection.tooLarge("Request too large for the replicated log: "
                    + versioned.getSerializedSize() + " bytes encoded, at most " + MAX_ENTRY_BYTES));
        }
        return batcher.submit(versioned);
    }

    /**
     * Replicates a client entry whose signer and command this node's frontend has just proven: apply on this
     * node then reuses the proof instead of recovering and decoding the request again (other replicas prove it
     * themselves). Otherwise as {@link #submit(LogEntry)}.
     */
    public CompletableFuture<ApplyReply> submitProven(LogEntry entry, String callerId, LogEntry.Builder command) {
        stateMachine.proofs().remember(entry.getRequest(), callerId, command);
        return submit(entry);
    }

    /**
     * Proposes one Raft entry. On the leader it goes to the local server directly (no gRPC round trip through
     * this node's own client); elsewhere the Ratis client forwards it. A leader that is not ready yet also falls
     * back to the client, which retries; any other failure of the direct path fails the call, since the entry may
     * or may not have been appended.
     */
    private CompletableFuture<ApplyReply> propose(LogEntry entry) {
        Message message = Message.valueOf(UnsafeByteOperations.unsafeWrap(entry.toByteArray()));
        boolean leader = isLeader();
        proposalListener.proposed(entry.hasBatch() ? entry.getBatch().getEntriesCount() : 1, !leader);
        if (!leader) {
            return client.send(message).thenApply(ReplicatedNode::replyOf);
        }
        return local(message, RaftClientRequest.writeRequestType()).thenCompose(reply ->
                reply.getException() instanceof LeaderNotReadyException
                        ? client.send(message) : CompletableFuture.completedFuture(reply))
                .thenApply(ReplicatedNode::replyOf);
    }

    /** Hears of every Raft entry this node proposes (metrics). */
    @FunctionalInterface
    public interface ProposalListener {
        /**
         * Called on the proposing thread before the entry is sent; must not block.
         *
         * @param writes the writes the entry carries
         * @param forwarded whether it goes to another node (this node is not the leader)
         */
        void proposed(int writes, boolean forwarded);
    }

    /** Sets who hears of this node's proposals. */
    public void setProposalListener(ProposalListener listener) {
        this.proposalListener = listener;
    }

    /**
     * This node's Raft facts at this moment: role, term, commit and applied index, leader changes seen, snapshot
     * exports.
     */
    public RaftFacts raftFacts() {
        try {
            var division = server.getDivision(groupId);
            var info = division.getInfo();
            return new RaftFacts(info.getCurrentRole().name(), info.getCurrentTerm(),
                    division.getRaftLog().getLastCommittedIndex(), info.getLastAppliedIndex(),
                    stateMachine.leaderChanges(), stateMachine.snapshotStats());
        } catch (IOException e) {
            return new RaftFacts("UNKNOWN", -1, -1, -1, stateMachine.leaderChanges(), stateMachine.snapshotStats());
        }
    }

    private long lastAppliedIndex() {
        try {
            return server.getDivision(groupId).getInfo().getLastAppliedIndex();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Hands a request to this node's own server. */
    private CompletableFuture<RaftClientReply> local(Message message, RaftClientRequest.Type type) {
        RaftClientRequest request = RaftClientRequest.newBuilder().setClientId(localClientId).setServerId(selfId)
                .setGroupId(groupId).setCallId(nextLocalCallId.incrementAndGet()).setMessage(message)
                .setType(type).build();
        try {
            return server.submitClientRequestAsync(request);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ApplyReply replyOf(RaftClientReply reply) {
        if (!reply.isSuccess()) {
            throw new CompletionException(reply.getException());
        }
        try {
            return ApplyReply.parseFrom(reply.getMessage().getContent().asReadOnlyByteBuffer());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new CompletionException(e);
        }
    }

    /**
     * Completes once this node's state includes every write committed before the call (ReadIndex). While no
     * leader is known (start-up, elections) it retries every 100 ms; it fails once {@link #BARRIER_DEADLINE_NANOS}
     * have passed (a node cut off from the leader serves no stale reads, and does not hang either).
     */
    public CompletableFuture<Void> readBarrier() {
        return readBarrier(System.nanoTime() + BARRIER_DEADLINE_NANOS);
    }

    private CompletableFuture<Void> readBarrier(long deadline) {
        return local(Message.EMPTY, RaftClientRequest.readRequestType()).handle((reply, error) -> {
            Throwable failure = error != null ? error : reply.isSuccess() ? null : reply.getException();
            if (failure == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (System.nanoTime() - deadline >= 0) {
                return CompletableFuture.<Void>failedFuture(failure);
            }
            return CompletableFuture.supplyAsync(() -> null,
                    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> readBarrier(deadline));
        }).thenCompose(Function.identity());
    }

    /** Completes once the configured server owner id is in the replicated state (or none was configured). */
    public CompletableFuture<Void> bootstrapped() {
        return bootstrapped;
    }

    /** The id of the leader this node knows of, if any (a hint: it may change at any moment). */
    public Optional<String> leaderId() {
        try {
            return Optional.ofNullable(server.getDivision(groupId).getInfo().getLeaderId()).map(RaftPeerId::toString);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True while this node is the Raft leader (a hint: leadership may end at any moment). */
    public boolean isLeader() {
        try {
            return server.getDivision(groupId).getInfo().isLeader();
        } catch (IOException e) {
            return false;
        }
    }

    /** This node's current Raft term (a new term means an election was held); -1 while the group is not up. */
    public long currentTerm() {
        try {
            return server.getDivision(groupId).getInfo().getCurrentTerm();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The voting members of the Raft group as this node's configuration lists them, in id order; their
     * {@code httpPort} is 0 (Raft does not know it).
     */
    public List<PeerAddress> raftMembers() {
        try {
            return server.getDivision(groupId).getRaftConf().getCurrentPeers().stream()
                    .map(ReplicatedNode::addressOf).sorted(Comparator.comparing(PeerAddress::id)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PeerAddress addressOf(RaftPeer peer) {
        String address = peer.getAddress();
        int colon = address.lastIndexOf(':');
        return new PeerAddress(peer.getId().toString(), address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1)), 0);
    }

    /**
     * Adds a voting member to the Raft group (the leader first lets it catch up). Membership changes run one
     * at a time on their own thread, since Ratis's admin calls block.
     */
    public CompletableFuture<Void> addMember(PeerAddress member) {
        RaftPeer peer = RaftPeer.newBuilder().setId(member.id()).setAddress(member.raftAddress()).build();
        return CompletableFuture.runAsync(() -> reconfigure(SetConfigurationRequest.Arguments.newBuilder()
                .setServersInNewConf(List.of(peer)).setMode(SetConfigurationRequest.Mode.ADD).build()),
                membershipExecutor);
    }

    /**
     * Removes a member from the Raft group. The change is conditional on the configuration this node sees, so
     * a concurrent change makes it fail instead of undoing the other.
     */
    public CompletableFuture<Void> removeMember(String nodeId) {
        return CompletableFuture.runAsync(() -> {
            List<RaftPeer> current;
            try {
                current = List.copyOf(server.getDivision(groupId).getRaftConf().getCurrentPeers());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
            List<RaftPeer> remaining = current.stream().filter(p -> !p.getId().toString().equals(nodeId)).toList();
            reconfigure(SetConfigurationRequest.Arguments.newBuilder().setServersInNewConf(remaining)
                    .setServersInCurrentConf(current).setMode(SetConfigurationRequest.Mode.COMPARE_AND_SET).build());
        }, membershipExecutor);
    }

    private void reconfigure(SetConfigurationRequest.Arguments arguments) {
        try {
            RaftClientReply reply = client.blocking().admin().setConfiguration(arguments);
            if (!reply.isSuccess()) {
                throw new CompletionException(reply.getException());
            }
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /** Sets who hears about process changes applied on this node (long-polls and subscriptions). */
    public void setSignalListener(Signals.Listener listener) {
        stateMachine.setListener(listener);
    }

    /** Reads the local state under the read lock (call after {@link #readBarrier()} for linearizability). */
    public <T> T read(Function<ColoniesState, T> reader) {
        return stateMachine.read(reader);
    }

    /** How many writes this node has proposed since it started, and in how many Raft entries (benchmarks). */
    public ProposalCounts proposalCounts() {
        return batcher.counts();
    }

    /** How many snapshots from the leader this node installed since it started (tests and operators). */
    public long snapshotsInstalled() {
        return stateMachine.snapshotsInstalled();
    }

    /** Whether this node's start reused the store it had closed at its snapshot instead of rebuilding it. */
    public boolean storeReusedAtStart() {
        return stateMachine.storeReusedAtStart();
    }

    /** The first index still in this node's Raft log: entries before it were purged after a snapshot. */
    public long logStartIndex() {
        try {
            return server.getDivision(groupId).getRaftLog().getStartIndex();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client id of this node's forwarding Raft client, as other members see it (tests and operators). */
    public String forwardingClientId() {
        return client.id();
    }

    /** Takes a snapshot now and lets Ratis purge the log up to it (tests and operators); returns its index. */
    public long takeSnapshot() throws IOException {
        long index = stateMachine.snapshotNow();
        RaftClientReply reply = client.blocking().getSnapshotManagementApi(selfId).create(1, 60_000);
        if (!reply.isSuccess()) {
            throw new IOException("snapshot failed", reply.getException());
        }
        return index;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        membershipExecutor.shutdownNow();
        peerWatch.close();
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
