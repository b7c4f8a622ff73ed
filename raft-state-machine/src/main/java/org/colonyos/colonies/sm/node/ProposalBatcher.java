package org.colonyos.colonies.sm.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.LogBatch;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.sm.Rejection;

/**
 * Groups the writes a node proposes into Raft log entries. While {@link Limits#maxInFlight} proposals of this node
 * are on their way, new writes wait here, and the next proposal carries all of them (up to
 * {@link Limits#maxEntries} and {@link Limits#maxBytes}) as one {@link LogBatch}. A write that finds fewer
 * proposals in flight goes at once and alone, so batching adds no wait under light load; under load, one Raft
 * round (forwarding to the leader, append, replication, fsync, the reply) carries many writes.
 *
 * <p>Each write completes with its own reply taken from the batch's reply. A failed proposal fails every write it
 * carried; as for a single entry, such writes may or may not have been applied. A proposal that failed only after
 * trying for {@link Limits#giveUpQueueAfterNanos} also fails the writes queued behind it (never proposed, so
 * certainly not applied). Writes are proposed in the order they were submitted.
 *
 * <p>Thread-safe: {@link #submit} may be called from any thread. The queue is guarded by this object's monitor;
 * proposals are sent, and replies handed out, outside it. When a proposal completes, the next one is sent before
 * its replies are handed out: whatever the writers do with a reply (on the leader that runs on the apply thread,
 * the HTTP response included) overlaps the next Raft round instead of delaying it.
 */
final class ProposalBatcher {
    /**
     * How much one node may have outstanding and how much one proposal may carry.
     *
     * @param maxInFlight proposals of this node waiting for their reply before new writes queue up
     * @param maxEntries writes in one proposal
     * @param maxBytes serialized bytes of the writes in one proposal; a single larger write still goes alone
     * @param giveUpQueueAfterNanos a proposal that fails after trying at least this long (no leader was reachable
     *        meanwhile) fails the writes queued behind it too, instead of letting them start the same wait again
     * @param maxQueued writes that may wait for a proposal; more are refused at once (503)
     * @param maxQueuedBytes serialized bytes that may wait for a proposal; more are refused at once (503)
     */
    record Limits(int maxInFlight, int maxEntries, int maxBytes, long giveUpQueueAfterNanos, int maxQueued,
            long maxQueuedBytes) {
        /**
         * The limits a node runs with: one proposal in flight, of at most 256 writes and 1 MiB. One in flight
         * gave the largest batches and the most cycles per second in the three-node bench (5.9 writes per entry
         * and about 15 % more cycles/s than two in flight; docs/benchmarks.md); a write waits at most one Raft
         * round for the proposal before it. A forwarded proposal gives up after about 20 s of retries
         * ({@link RaftSettings#clientRetryPolicy()}); one that failed after 5 s or more takes the queue with it,
         * so a node cut off from the leader answers every write within that bound, while a quick failure (a
         * leader stepping down under a direct proposal) leaves the queued writes to go to the next leader.
         */
        static final Limits DEFAULT = new Limits(1, 256, 1 << 20, TimeUnit.SECONDS.toNanos(5), 10_000, 256L << 20);

        Limits {
            if (maxInFlight < 1 || maxEntries < 1 || maxBytes < 1 || giveUpQueueAfterNanos < 0 || maxQueued < 1
                    || maxQueuedBytes < 1) {
                throw new IllegalArgumentException("batching limits must be positive");
            }
        }

        /** These limits with other caps on the queue. */
        Limits withQueue(int queued, long queuedBytes) {
            return new Limits(maxInFlight, maxEntries, maxBytes, giveUpQueueAfterNanos, queued, queuedBytes);
        }
    }

    private record Pending(LogEntry entry, CompletableFuture<ApplyReply> reply) {
        /** The write's serialized size (protobuf keeps it once computed). */
        int bytes() {
            return entry.getSerializedSize();
        }
    }

    private final Function<LogEntry, CompletableFuture<ApplyReply>> proposer;
    private final Limits limits;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private long waitingBytes;
    private int inFlight;
    private long proposals;
    private long writes;

    /**
     * @param proposer replicates one log entry (a write or a batch) and completes with its apply reply
     * @param limits how much may be in flight and how much one proposal may carry
     */
    ProposalBatcher(Function<LogEntry, CompletableFuture<ApplyReply>> proposer, Limits limits) {
        this(proposer, limits, System::nanoTime);
    }

    /** As above, with the monotonic clock (nanoseconds) that times proposals (tests). */
    ProposalBatcher(Function<LogEntry, CompletableFuture<ApplyReply>> proposer, Limits limits, LongSupplier nanoTime) {
        this.proposer = proposer;
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /** Queues a write (never a batch) for the next proposal and completes with its own apply reply. */
    CompletableFuture<ApplyReply> submit(LogEntry entry) {
        if (entry.hasBatch()) {
            throw new IllegalArgumentException("a log batch cannot be batched again");
        }
        Pending pending = new Pending(entry, new CompletableFuture<>());
        synchronized (this) {
            if (waiting.size() >= limits.maxQueued() || waitingBytes + pending.bytes() > limits.maxQueuedBytes()) {
                return CompletableFuture.failedFuture(Rejection.unavailable("Service unavailable, this node has "
                        + waiting.size() + " writes (" + waitingBytes + " bytes) waiting for replication, at most "
                        + limits.maxQueued() + " (" + limits.maxQueuedBytes() + " bytes); retry shortly"));
            }
            waiting.add(pending);
            waitingBytes += pending.bytes();
        }
        proposeWhileRoom();
        return pending.reply();
    }

    private void proposeWhileRoom() {
        for (List<Pending> batch = nextBatch(); batch != null; batch = nextBatch()) {
            propose(batch);
        }
    }

    /** Takes the next proposal's writes off the queue, or null when nothing waits or no proposal may start. */
    private synchronized List<Pending> nextBatch() {
        if (waiting.isEmpty() || inFlight >= limits.maxInFlight()) {
            return null;
        }
        inFlight++;
        proposals++;
        List<Pending> batch = new ArrayList<>();
        long bytes = 0;
        while (!waiting.isEmpty() && batch.size() < limits.maxEntries()
                && (batch.isEmpty() || bytes + waiting.peek().bytes() <= limits.maxBytes())) {
            Pending next = waiting.poll();
            bytes += next.bytes();
            waitingBytes -= next.bytes();
            batch.add(next);
        }
        writes += batch.size();
        return batch;
    }

    /** How many writes this batcher has proposed so far, and in how many proposals (Raft entries). */
    synchronized ProposalCounts counts() {
        return new ProposalCounts(writes, proposals);
    }

    private void propose(List<Pending> batch) {
        long started = nanoTime.getAsLong();
        CompletableFuture<ApplyReply> proposal;
        try {
            proposal = proposer.apply(entryOf(batch));
        } catch (RuntimeException e) {
            proposal = CompletableFuture.failedFuture(e);
        }
        proposal.whenComplete((reply, error) -> {
            List<Pending> abandoned = List.of();
            synchronized (this) {
                inFlight--;
                if (error != null && nanoTime.getAsLong() - started >= limits.giveUpQueueAfterNanos()) {
                    abandoned = new ArrayList<>(waiting);
                    waiting.clear();
                    waitingBytes = 0;
                }
            }
            proposeWhileRoom();
            handOut(batch, reply, error);
            abandoned.forEach(queued -> queued.reply().completeExceptionally(error));
        });
    }

    private static LogEntry entryOf(List<Pending> batch) {
        if (batch.size() == 1) {
            return batch.get(0).entry();
        }
        LogBatch.Builder entries = LogBatch.newBuilder();
        batch.forEach(pending -> entries.addEntries(pending.entry()));
        return LogEntry.newBuilder().setFormatVersion(batch.get(0).entry().getFormatVersion()).setBatch(entries)
                .build();
    }

    private static void handOut(List<Pending> batch, ApplyReply reply, Throwable error) {
        if (error == null && batch.size() > 1 && reply.getBatchRepliesCount() != batch.size()) {
            error = new IllegalStateException("a batch of " + batch.size() + " writes got "
                    + reply.getBatchRepliesCount() + " replies");
        }
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<ApplyReply> future = batch.get(i).reply();
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(batch.size() == 1 ? reply : reply.getBatchReplies(i));
            }
        }
    }
}
