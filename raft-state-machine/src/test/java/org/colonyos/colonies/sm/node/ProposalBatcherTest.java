package org.colonyos.colonies.sm.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.LogBatch;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.RemoveColony;
import org.colonyos.colonies.sm.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proposal batcher against a proposer whose replies the test hands out by hand. */
@Timeout(10)
class ProposalBatcherTest {
    private static final long GIVE_UP = 5_000_000_000L;
    private static final ProposalBatcher.Limits LIMITS = limits(1, 10, 1 << 20);
    /** The batcher's clock, in nanoseconds, moved by the tests. */
    private long now;
    /** Records every proposal (the tests run on one thread); each completes when the test says so. */
    private final List<LogEntry> proposed = new ArrayList<>();
    private final List<CompletableFuture<ApplyReply>> replies = new ArrayList<>();

    private static ProposalBatcher.Limits limits(int maxInFlight, int maxEntries, int maxBytes) {
        return new ProposalBatcher.Limits(maxInFlight, maxEntries, maxBytes, GIVE_UP, 1000, 1 << 20);
    }

    private CompletableFuture<ApplyReply> propose(LogEntry entry) {
        CompletableFuture<ApplyReply> reply = new CompletableFuture<>();
        proposed.add(entry);
        replies.add(reply);
        return reply;
    }

    private static LogEntry write(String colony) {
        return LogEntry.newBuilder().setFormatVersion(1).setRemoveColony(RemoveColony.newBuilder()
                .setColonyName(colony)).build();
    }

    private static ApplyReply reply(String text) {
        return ApplyReply.newBuilder().setReplyJson(ByteString.copyFromUtf8(text)).build();
    }

    /** The reply a batch of these writes gets: each write's colony name as its reply. */
    private static ApplyReply batchReply(LogEntry batch) {
        ApplyReply.Builder replies = ApplyReply.newBuilder();
        batch.getBatch().getEntriesList().forEach(e -> replies.addBatchReplies(reply(e.getRemoveColony()
                .getColonyName())));
        return replies.build();
    }

    private static String text(CompletableFuture<ApplyReply> reply) throws Exception {
        return reply.get().getReplyJson().toStringUtf8();
    }

    @Test
    void aWriteWithNothingInFlightGoesAtOnceAndAlone() throws Exception {
        ProposalBatcher batcher = new ProposalBatcher(this::propose, LIMITS);
        CompletableFuture<ApplyReply> first = batcher.submit(write("a"));
        assertEquals(List.of(write("a")), proposed);
        replies.get(0).complete(reply("a"));
        assertEquals("a", text(first));
        CompletableFuture<ApplyReply> second = batcher.submit(write("b"));
        assertEquals(write("b"), proposed.get(1));
        replies.get(1).complete(reply("b"));
        assertEquals("b", text(second));
    }

    @Test
    void writesArrivingDuringAProposalGoTogetherInOrderAndEachGetsItsOwnReply() throws Exception {
        ProposalBatcher batcher = new ProposalBatcher(this::propose, LIMITS);
        CompletableFuture<ApplyReply> first = batcher.submit(write("a"));
        List<CompletableFuture<ApplyReply>> waiting = List.of(batcher.submit(write("b")),
                batcher.submit(write("c")), batcher.submit(write("d")));
        assertEquals(1, proposed.size(), "nothing more is proposed while one proposal is in flight");
        replies.get(0).complete(reply("a"));
        assertEquals("a", text(first));
        assertEquals(2, proposed.size());
        LogEntry batch = proposed.get(1);
        assertEquals(LogBatch.newBuilder().addEntries(write("b")).addEntries(write("c")).addEntries(write("d"))
                .build(), batch.getBatch());
        assertEquals(1, batch.getFormatVersion());
        waiting.forEach(w -> assertFalse(w.isDone()));
        replies.get(1).complete(batchReply(batch));
        assertEquals(List.of("b", "c", "d"), List.of(text(waiting.get(0)), text(waiting.get(1)),
                text(waiting.get(2))));
        assertEquals(new ProposalCounts(4, 2), batcher.counts());
    }

    /**
     * What a writer does with its reply (on the leader: the HTTP response, on the apply thread) runs after the
     * next proposal has gone, so it overlaps the next Raft round.
     */
    @Test
    void theNextProposalGoesBeforeTheRepliesAreHandedOut() throws Exception {
        ProposalBatcher batcher = new ProposalBatcher(this::propose, LIMITS);
        List<Integer> proposedWhenHandedOut = new ArrayList<>();
        batcher.submit(write("a")).thenRun(() -> proposedWhenHandedOut.add(proposed.size()));
        batcher.submit(write("b"));
        replies.get(0).complete(reply("a"));
        assertEquals(List.of(2), proposedWhenHandedOut, "b was proposed before a's reply was handed out");
    }

    @Test
    void aFullQueueRefusesWritesAtOnceWith503UntilItDrains() throws Exception {
        ProposalBatcher batcher = new ProposalBatcher(this::propose, limits(1, 10, 1 << 20).withQueue(2, 1 << 20));
        batcher.submit(write("a"));
        List<CompletableFuture<ApplyReply>> queued = List.of(batcher.submit(write("b")), batcher.submit(write("c")));
        CompletableFuture<ApplyReply> refused = batcher.submit(write("d"));
        Rejection rejection = (Rejection) assertThrows(ExecutionException.class, refused::get).getCause();
        assertEquals(503, rejection.status());
        assertTrue(rejection.getMessage().contains("2 writes"), rejection.getMessage());
        assertEquals(1, proposed.size(), "the refused write was never proposed");
        replies.get(0).complete(reply("a"));
        CompletableFuture<ApplyReply> accepted = batcher.submit(write("e"));
        assertFalse(accepted.isCompletedExceptionally(), "the queue has room again once its writes were proposed");
        replies.get(1).complete(batchReply(proposed.get(1)));
        assertEquals(List.of("b", "c"), List.of(text(queued.get(0)), text(queued.get(1))));
    }

    @Test
    void theQueuesBytesAreCappedToo() {
        int size = write("b").getSerializedSize();
        ProposalBatcher batcher = new ProposalBatcher(this::propose, limits(1, 10, 1 << 20).withQueue(100, size));
        batcher.submit(write("a"));
        assertFalse(batcher.submit(write("b")).isDone());
        assertTrue(batcher.submit(write("c")).isCompletedExceptionally());
    }

    @Test
    void moreProposalsInFlightWhenTheLimitAllows() {
        ProposalBatcher batcher = new ProposalBatcher(this::propose, limits(2, 10, 1 << 20));
        batcher.submit(write("a"));
        batcher.submit(write("b"));
        batcher.submit(write("c"));
        assertEquals(List.of(write("a"), write("b")), proposed);
    }

    @Test
    void aProposalCarriesAtMostMaxEntriesAndMaxBytes() {
        int size = write("b").getSerializedSize();
        ProposalBatcher batcher = new ProposalBatcher(this::propose, limits(1, 3, 2 * size));
        batcher.submit(write("a"));
        for (String colony : List.of("b", "c", "d", "e", "f")) {
            batcher.submit(write(colony));
        }
        replies.get(0).complete(reply("a"));
        assertEquals(2, proposed.get(1).getBatch().getEntriesCount(), "the byte limit cuts the batch at two");
        replies.get(1).complete(batchReply(proposed.get(1)));
        assertEquals(2, proposed.get(2).getBatch().getEntriesCount());
        replies.get(2).complete(batchReply(proposed.get(2)));
        assertEquals(write("f"), proposed.get(3), "the last write goes alone");

        ProposalBatcher byCount = new ProposalBatcher(this::propose, limits(1, 3, 1 << 20));
        byCount.submit(write("x"));
        for (int i = 0; i < 5; i++) {
            byCount.submit(write("y" + i));
        }
        replies.get(4).complete(reply("x"));
        assertEquals(3, proposed.get(5).getBatch().getEntriesCount(), "the count limit cuts the batch at three");
    }

    @Test
    void aWriteLargerThanTheByteLimitStillGoesAlone() throws Exception {
        ProposalBatcher batcher = new ProposalBatcher(this::propose, limits(1, 10, 1));
        CompletableFuture<ApplyReply> big = batcher.submit(write("a-colony-name-longer-than-one-byte"));
        assertEquals(1, proposed.size());
        replies.get(0).complete(reply("ok"));
        assertEquals("ok", text(big));
    }

    @Test
    void aFailedProposalFailsEveryWriteItCarriedAndTheNextStillGoes() throws Exception {
        ProposalBatcher batcher = new ProposalBatcher(this::propose, LIMITS);
        batcher.submit(write("a"));
        CompletableFuture<ApplyReply> b = batcher.submit(write("b"));
        CompletableFuture<ApplyReply> c = batcher.submit(write("c"));
        replies.get(0).complete(reply("a"));
        CompletableFuture<ApplyReply> d = batcher.submit(write("d"));
        replies.get(1).completeExceptionally(new IllegalStateException("no leader"));
        for (CompletableFuture<ApplyReply> failed : List.of(b, c)) {
            ExecutionException error = assertThrows(ExecutionException.class, failed::get);
            assertEquals("no leader", error.getCause().getMessage());
        }
        assertEquals(write("d"), proposed.get(2));
        replies.get(2).complete(reply("d"));
        assertEquals("d", text(d));
    }

    @Test
    void aProposalThatFailsAfterTryingLongTakesTheQueuedWritesWithItAQuickFailureDoesNot() throws Exception {
        ProposalBatcher batcher = new ProposalBatcher(this::propose, LIMITS, () -> now);
        batcher.submit(write("a"));
        CompletableFuture<ApplyReply> queued = batcher.submit(write("b"));
        replies.get(0).completeExceptionally(new IllegalStateException("leader stepped down"));
        assertFalse(queued.isDone(), "after a quick failure the queued write is proposed");
        assertEquals(write("b"), proposed.get(1));
        CompletableFuture<ApplyReply> behind = batcher.submit(write("c"));
        now += GIVE_UP;
        replies.get(1).completeExceptionally(new IllegalStateException("no leader reachable"));
        assertTrue(behind.isCompletedExceptionally(), "after a long failure the queued write fails with it");
        ExecutionException error = assertThrows(ExecutionException.class, behind::get);
        assertEquals("no leader reachable", error.getCause().getMessage());
        assertEquals(2, proposed.size(), "the queued write was not proposed");
        CompletableFuture<ApplyReply> later = batcher.submit(write("d"));
        assertEquals(write("d"), proposed.get(2), "a later write is proposed again");
        replies.get(2).complete(reply("d"));
        assertEquals("d", text(later));
    }

    @Test
    void aBatchReplyWithTheWrongNumberOfRepliesFailsItsWrites() {
        ProposalBatcher batcher = new ProposalBatcher(this::propose, LIMITS);
        batcher.submit(write("a"));
        CompletableFuture<ApplyReply> b = batcher.submit(write("b"));
        CompletableFuture<ApplyReply> c = batcher.submit(write("c"));
        replies.get(0).complete(reply("a"));
        replies.get(1).complete(ApplyReply.newBuilder().addBatchReplies(reply("b")).build());
        assertTrue(b.isCompletedExceptionally());
        assertTrue(c.isCompletedExceptionally());
    }

    @Test
    void aProposerThatThrowsFailsTheWritesAndFreesTheSlot() throws Exception {
        List<LogEntry> seen = new ArrayList<>();
        ProposalBatcher batcher = new ProposalBatcher(entry -> {
            seen.add(entry);
            if (seen.size() == 1) {
                throw new IllegalStateException("closed");
            }
            return CompletableFuture.completedFuture(reply("ok"));
        }, LIMITS);
        assertTrue(batcher.submit(write("a")).isCompletedExceptionally());
        assertEquals("ok", text(batcher.submit(write("b"))));
    }

    @Test
    void aBatchIsNeverBatchedAgain() {
        ProposalBatcher batcher = new ProposalBatcher(this::propose, ProposalBatcher.Limits.DEFAULT);
        LogEntry batch = LogEntry.newBuilder().setBatch(LogBatch.newBuilder().addEntries(write("a"))).build();
        assertThrows(IllegalArgumentException.class, () -> batcher.submit(batch));
        assertThrows(IllegalArgumentException.class, () -> limits(0, 1, 1));
    }
}
