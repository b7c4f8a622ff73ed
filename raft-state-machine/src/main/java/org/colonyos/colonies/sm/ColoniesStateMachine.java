package org.colonyos.colonies.sm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.proto.RaftProtos.RaftConfigurationProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.LifeCycle;
import org.colonyos.colonies.proto.crypto.Sha3;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.log.LogBatch;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sm.apply.AppliedReply;
import org.colonyos.colonies.sm.apply.CommandDispatcher;
import org.colonyos.colonies.sm.command.RequestProofs;
import org.colonyos.colonies.sm.command.SignedEntries;
import org.colonyos.colonies.sm.snapshot.BackgroundSnapshots;
import org.colonyos.colonies.sm.snapshot.SnapshotStorage;
import org.colonyos.colonies.sm.snapshot.StateFiles;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis state machine of a Colonies node: Ratis glue only. The leader stamps its time, new ids and the
 * proven signer of a client request into each entry (each entry of a batch) in {@link #startTransaction}, on the
 * thread that accepts the request; every replica decodes the entry from the log bytes and applies
 * it through the {@link CommandDispatcher} under the write lock; snapshots export the store, which is a working
 * copy of the latest snapshot plus the entries applied since (see {@link StateFiles} for how it is kept and
 * rebuilt).
 *
 * <p>Threading (Ratis contract): apply runs on the single state machine updater thread; takeSnapshot never
 * overlaps apply, and only freezes the state: the export runs on the snapshot thread beside apply
 * ({@link BackgroundSnapshots}); pause, reinitialize and close wait for it. {@link #read} may run on any thread
 * at any time and takes the read lock.
 *
 * <p>At start the store is opened (or rebuilt from the snapshot) on a loader thread of its own, so Ratis loads
 * its log meanwhile: {@link #initialize} only reports the snapshot's index as applied. Apply, reads, snapshots and
 * close wait until the state is loaded; {@link #awaitLoaded} reports a load that failed.
 */
public final class ColoniesStateMachine extends BaseStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(ColoniesStateMachine.class);

    /** Signed writes whose command creates an object, by wire name (their entries carry only the request). */
    private static final Set<String> CREATING_WRITES = Set.of(
            PayloadType.SUBMIT_FUNC_SPEC.wireName(), PayloadType.ADD_FUNCTION.wireName(),
            PayloadType.SUBMIT_WORKFLOW_SPEC.wireName(), PayloadType.ADD_CHILD.wireName(),
            PayloadType.ADD_CRON.wireName(), PayloadType.RUN_CRON.wireName(), PayloadType.ADD_GENERATOR.wireName(),
            PayloadType.ADD_FILE.wireName(), PayloadType.CREATE_SNAPSHOT.wireName(),
            PayloadType.ADD_BLUEPRINT_DEFINITION.wireName(), PayloadType.ADD_BLUEPRINT.wireName(),
            PayloadType.UPDATE_BLUEPRINT.wireName(), PayloadType.REMOVE_BLUEPRINT.wireName(),
            PayloadType.RECONCILE_BLUEPRINT.wireName());

    private final SnapshotStorage storage = new SnapshotStorage();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final RequestProofs proofs = new RequestProofs();
    private final CommandDispatcher dispatcher = new CommandDispatcher(proofs);
    private final StateFiles files;
    private BackgroundSnapshots snapshots;
    /** The index last given to Ratis by {@link #takeSnapshot} (updater thread only). */
    private long reportedIndex = -1;
    private final Clock clock;
    private ColoniesState state;
    private volatile Signals.Listener listener = Signals.Listener.NONE;
    private final AtomicLong snapshotsInstalled = new AtomicLong();
    /** The membership last logged; written by Ratis's state machine updater thread only. */
    private volatile String lastMembership = "";
    private final AtomicLong leaderChanges = new AtomicLong();
    private volatile boolean storeReusedAtStart;
    /** Completes once the state of the start is loaded (by the loader thread), or fails if it cannot be. */
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private final Executor loader;

    /**
     * @param files where the MapDB store lives, and how snapshots are written and loaded
     * @param clock the leader's time source for stamping entries (never used by apply)
     * @param loader runs the load of the state at start, beside Ratis's own start (a thread of its own)
     */
    public ColoniesStateMachine(StateFiles files, Clock clock, Executor loader) {
        this.files = files;
        this.clock = clock;
        this.loader = Objects.requireNonNull(loader);
    }

    @Override
    public SimpleStateMachineStorage getStateMachineStorage() {
        return storage;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        storage.init(raftStorage);
        snapshots = new BackgroundSnapshots(files, storage, getId() + "-snapshot");
        TermIndex snapshot = latestSnapshot();
        reportApplied(snapshot);
        getLifeCycle().startAndTransition(() -> loader.execute(() -> loadAtStart(snapshot)));
    }

    /**
     * Tells Ratis the snapshot is applied. Only {@link #initialize} and {@link #reinitialize} do, never the
     * loader: while the state of the start loads, Ratis itself applies the entries that carry no command
     * (configurations, commit metadata) and so may count entries after the snapshot as applied already.
     */
    private void reportApplied(TermIndex snapshot) {
        if (snapshot != null) {
            updateLastAppliedTermIndex(snapshot);
        }
    }

    /** Opens the state of the start and reads its mirrored tables into memory (the loader thread). */
    private void loadAtStart(TermIndex snapshot) {
        try {
            load(snapshot);
            storeReusedAtStart = files.reusedAtLastOpen();
            long started = System.nanoTime();
            state.store().loadMirrors();
            LOG.info("mirrored tables read into memory in {} ms", (System.nanoTime() - started) / 1_000_000);
            loaded.complete(null);
        } catch (IOException | RuntimeException | Error e) {
            LOG.error("the state cannot be loaded", e);
            loaded.completeExceptionally(e);
        }
    }

    /** Waits until the state of the start is loaded; throws if it could not be. */
    public void awaitLoaded() throws IOException {
        try {
            loaded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the state was loading");
        } catch (ExecutionException e) {
            throw new IOException("the state cannot be loaded: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Waits until the state of the start is loaded; a failed load fails the caller (and so Ratis's apply). */
    private void requireLoaded() {
        try {
            awaitLoaded();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Whether the start reused the store closed at the snapshot (see {@link StateFiles}) or rebuilt it. */
    public boolean storeReusedAtStart() {
        return storeReusedAtStart;
    }

    /** Before a snapshot from the leader is installed: lets a running export finish (it reads the old store). */
    @Override
    public void pause() {
        requireLoaded();
        snapshots.await();
        getLifeCycle().transition(LifeCycle.State.PAUSING);
        getLifeCycle().transition(LifeCycle.State.PAUSED);
    }

    @Override
    public void reinitialize() throws IOException {
        storage.loadLatestSnapshot();
        TermIndex installed = latestSnapshot();
        load(installed);
        reportApplied(installed);
        snapshotsInstalled.incrementAndGet();
        getLifeCycle().transition(LifeCycle.State.STARTING);
        getLifeCycle().transition(LifeCycle.State.RUNNING);
        listener.stateReplaced();
    }

    /** How many snapshots from the leader this state machine has installed since it started. */
    public long snapshotsInstalled() {
        return snapshotsInstalled.get();
    }

    private TermIndex latestSnapshot() {
        SingleFileSnapshotInfo latest = storage.getLatestSnapshot();
        return latest == null ? null : latest.getTermIndex();
    }

    private long latestSnapshotIndex() {
        TermIndex latest = latestSnapshot();
        return latest == null ? -1 : latest.getIndex();
    }

    private void load(TermIndex snapshot) throws IOException {
        snapshots.await();
        lock.writeLock().lock();
        try {
            if (state != null) {
                state.store().close();
            }
            state = files.openMatching(snapshot, storage);
            LOG.info("state loaded at index {} (snapshot {}, store {})", state.appliedIndex(), snapshot,
                    files.reusedAtLastOpen() ? "reused" : "rebuilt");
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
        TransactionContext.Builder builder = TransactionContext.newBuilder().setStateMachine(this)
                .setClientRequest(request);
        try {
            LogEntry entry = LogEntry.parseFrom(request.getMessage().getContent().asReadOnlyByteBuffer());
            LogEntry stamped = stamp(entry, GoTime.toUnixNanos(clock.instant()));
            return builder.setLogData(UnsafeByteOperations.unsafeWrap(stamped.toByteArray())).build();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            TransactionContext rejected = builder.build();
            rejected.setException(new IOException("not a colonies log entry: " + e.getMessage()));
            return rejected;
        }
    }

    /**
     * Stamps the leader's time into the entry, or into every entry of a batch, ids for new objects, and the
     * signer of a client request (replacing whatever the proposer wrote there).
     */
    private LogEntry stamp(LogEntry entry, long leaderTimeUnixNanos) {
        LogEntry.Builder stamped = entry.toBuilder().setLeaderTimeUnixNanos(leaderTimeUnixNanos)
                .clearProvenCallerId();
        if (entry.hasRequest()) {
            SignedEntries.signerOf(entry.getRequest(), proofs).ifPresent(stamped::setProvenCallerId);
        }
        if (entry.hasBatch()) {
            LogBatch.Builder batch = stamped.getBatchBuilder();
            for (int i = 0; i < batch.getEntriesCount(); i++) {
                batch.setEntries(i, stamp(batch.getEntries(i), leaderTimeUnixNanos));
            }
        } else if (createsObject(entry)) {
            stamped.setGeneratedId(Sha3.hashHex(UUID.randomUUID().toString()));
        }
        return stamped.build();
    }

    /** Commands whose apply creates an object with a server-chosen id (Go: sha3 of a random UUID). */
    private static boolean createsObject(LogEntry entry) {
        return switch (entry.getCommandCase()) {
            case SUBMIT_PROCESS, ADD_FUNCTION, SUBMIT_WORKFLOW, ADD_CHILD, ADD_CRON, RUN_CRON, ADD_GENERATOR, FIRE_CRON,
                    FIRE_GENERATOR, ADD_FILE, CREATE_SNAPSHOT, ADD_BLUEPRINT_DEFINITION, ADD_BLUEPRINT,
                    UPDATE_BLUEPRINT, REMOVE_BLUEPRINT, RECONCILE_BLUEPRINT -> true;
            case COMMAND_NOT_SET -> CREATING_WRITES.contains(entry.getRequest().getPayloadType());
            default -> false;
        };
    }

    /** What this node's frontend proved about the requests it proposes (a memo that spares apply the work). */
    public RequestProofs proofs() {
        return proofs;
    }

    /** Logs every change of leader this node learns of (elections, a leader stepping down or lost). */
    @Override
    public void notifyLeaderChanged(RaftGroupMemberId member, RaftPeerId newLeader) {
        leaderChanges.incrementAndGet();
        LOG.info("{}: the leader is now {}", member.getPeerId(), newLeader == null ? "unknown" : newLeader);
    }

    /**
     * Logs the group's membership when this node first learns it and whenever it changes (a new leader writes the
     * unchanged membership again: that is not logged).
     */
    @Override
    public void notifyConfigurationChanged(long term, long index, RaftConfigurationProto conf) {
        String members = peerList(conf.getPeersList())
                + (conf.getListenersCount() == 0 ? "" : "; listeners " + peerList(conf.getListenersList()));
        if (!members.equals(lastMembership)) {
            lastMembership = members;
            LOG.info("membership at index {}: {}", index, members);
        }
    }

    private static String peerList(List<RaftPeerProto> peers) {
        return peers.stream().map(p -> p.getId().toStringUtf8() + " (" + p.getAddress() + ")")
                .collect(Collectors.joining(", "));
    }

    /** How many changes of leader this node has learned of since it started (any thread). */
    public long leaderChanges() {
        return leaderChanges.get();
    }

    /** This node's snapshot exports so far (any thread). */
    public StateFiles.SnapshotStats snapshotStats() {
        return files.snapshotStats();
    }

    /** Sets who hears about applied process changes (the node's long-polls and subscriptions). */
    public void setListener(Signals.Listener newListener) {
        this.listener = newListener;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto logEntry = trx.getLogEntry();
        LogEntry entry = decode(logEntry);
        AppliedReply reply;
        Signals signals = new Signals();
        requireLoaded();
        lock.writeLock().lock();
        try {
            reply = dispatcher.apply(state, entry, logEntry.getIndex(), signals);
            state.setApplied(logEntry.getTerm(), logEntry.getIndex());
            updateLastAppliedTermIndex(logEntry.getTerm(), logEntry.getIndex());
        } finally {
            lock.writeLock().unlock();
        }
        signals.deliverTo(listener);
        return CompletableFuture.completedFuture(new ReplyMessage(reply));
    }

    /**
     * An applied entry's reply as Ratis carries it: encoded when Ratis first reads it, which the leader does at
     * once to answer the proposer and a follower only to answer a client's retry from its retry cache; once
     * encoded it holds only the bytes. Thread-safe: the bytes are published before the reply is let go.
     */
    private static final class ReplyMessage implements Message {
        private volatile AppliedReply reply;
        private volatile ByteString content;

        ReplyMessage(AppliedReply reply) {
            this.reply = reply;
        }

        @Override
        public ByteString getContent() {
            ByteString bytes = content;
            AppliedReply source = reply;
            if (bytes != null || source == null) {
                return bytes != null ? bytes : content;
            }
            bytes = UnsafeByteOperations.unsafeWrap(source.proto().toByteArray());
            content = bytes;
            reply = null;
            return bytes;
        }
    }

    private static LogEntry decode(LogEntryProto logEntry) {
        try {
            return LogEntry.parseFrom(logEntry.getStateMachineLogEntry().getLogData().asReadOnlyByteBuffer());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("undecodable log entry at index " + logEntry.getIndex(), e);
        }
    }

    /** Serves the read barrier: after ReadIndex the local state is current, so there is nothing to compute. */
    @Override
    public CompletableFuture<Message> query(Message request) {
        return CompletableFuture.completedFuture(Message.EMPTY);
    }

    /**
     * Answers Ratis with the latest complete snapshot's index (it purges the log up to it). A snapshot completed
     * since the last answer is only reported; otherwise a snapshot of the state as applied now is started on
     * the snapshot thread, unless one is still being exported (Ratis asks again after the next entries while
     * its threshold is passed). Apply waits only while the pending changes are copied.
     */
    @Override
    public long takeSnapshot() {
        long latest = latestSnapshotIndex();
        if (latest > reportedIndex) {
            reportedIndex = latest;
            return latest;
        }
        startSnapshot(true);
        return latest;
    }

    /**
     * Freezes the state as applied now and starts exporting it, unless a snapshot covers it, one is running or,
     * when {@code paced}, the last one ended too recently ({@link BackgroundSnapshots}).
     */
    private void startSnapshot(boolean paced) {
        if (snapshots.isHeldBack(paced)) {
            return;
        }
        requireLoaded();
        lock.writeLock().lock();
        try {
            TermIndex last = getLastAppliedTermIndex();
            if (last != null && last.getIndex() > latestSnapshotIndex()) {
                state.setApplied(last.getTerm(), last.getIndex());
                snapshots.start(state, last, paced);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Takes a snapshot of the state as applied now and waits until it is complete (a few tries, as another
     * export may be running or fail); returns the latest complete snapshot's index.
     */
    public long snapshotNow() {
        TermIndex target = getLastAppliedTermIndex();
        for (int attempt = 0; attempt < 3 && target != null && latestSnapshotIndex() < target.getIndex(); attempt++) {
            snapshots.await();
            startSnapshot(false);
            snapshots.await();
        }
        return latestSnapshotIndex();
    }

    /** Runs a read against the current local state under the read lock. */
    public <T> T read(Function<ColoniesState, T> reader) {
        requireLoaded();
        lock.readLock().lock();
        try {
            return reader.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() throws IOException {
        if (snapshots != null) {
            loaded.exceptionally(failure -> null).join();
            if (state != null && !loaded.isCompletedExceptionally()) {
                snapshotNow();
            }
            snapshots.close();
        }
        lock.writeLock().lock();
        try {
            if (state != null) {
                files.close(state, latestSnapshot());
            }
        } finally {
            lock.writeLock().unlock();
        }
        super.close();
    }
}
