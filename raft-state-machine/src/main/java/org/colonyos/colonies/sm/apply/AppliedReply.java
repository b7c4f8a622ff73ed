package org.colonyos.colonies.sm.apply;

import com.google.protobuf.UnsafeByteOperations;
import java.util.List;
import org.colonyos.colonies.proto.log.ApplyReply;

/**
 * The reply to one applied log entry, encoded when read. Replies that are documents just stored ({@link RawJson})
 * are encoded from the immutable document then, on the reading thread, into bytes the table shares: a follower or
 * a replay, whose replies Ratis only keeps for a client's retry, does not encode them unless such a retry reads
 * them. The outcome (an error or a document) is fixed at apply; only its encoding is deferred. The reader keeps
 * what it reads ({@code ColoniesStateMachine}'s reply message encodes once).
 *
 * <p>Immutable; read by any thread.
 */
public final class AppliedReply {
    /** Each entry's outcome in order: an {@link ApplyReply}, or a {@link RawJson} not yet encoded. */
    private final List<Object> outcomes;
    private final boolean batch;

    private AppliedReply(List<Object> outcomes, boolean batch) {
        this.outcomes = outcomes;
        this.batch = batch;
    }

    static AppliedReply single(Object outcome) {
        return new AppliedReply(List.of(outcome), false);
    }

    static AppliedReply batch(List<Object> outcomes) {
        return new AppliedReply(List.copyOf(outcomes), true);
    }

    /** The reply as the proposer reads it. */
    public ApplyReply proto() {
        return batch ? ApplyReply.newBuilder().addAllBatchReplies(outcomes.stream().map(AppliedReply::encode)
                .toList()).build() : encode(outcomes.get(0));
    }

    private static ApplyReply encode(Object outcome) {
        return outcome instanceof RawJson raw
                ? ApplyReply.newBuilder().setReplyJson(UnsafeByteOperations.unsafeWrap(raw.stored().json())).build()
                : (ApplyReply) outcome;
    }
}
