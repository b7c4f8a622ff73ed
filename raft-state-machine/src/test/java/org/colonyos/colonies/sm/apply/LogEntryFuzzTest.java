package org.colonyos.colonies.sm.apply;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.LogEntry;

/**
 * Fuzz target of apply: a sequence of log entries (each prefixed by its length byte) applied to a state with
 * colonies and executors. Any entry must be applied or refused with an error reply, never with an exception:
 * an exception in apply stops a node. The exception is an entry without any command or with a batch nested in a
 * batch, which no leader writes and which apply reports as corruption. Corpus under
 * {@code src/test/resources/.../LogEntryFuzzTestInputs}; fuzzing for longer:
 * {@code JAZZER_FUZZ=1 mvn -pl raft-state-machine test -Dtest=LogEntryFuzzTest}.
 */
class LogEntryFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void aSequenceOfEntriesAppliesOrIsRefused(byte[] input) {
        AppliedLog log = new AppliedLog();
        long[] clock = {1_000_000_000_000L};
        log.twoColonies(() -> ++clock[0]);
        int at = 0;
        while (at < input.length) {
            int length = input[at] & 0xff;
            byte[] bytes = Arrays.copyOfRange(input, at + 1, Math.min(input.length, at + 1 + length));
            at += 1 + length;
            LogEntry entry;
            try {
                entry = LogEntry.parseFrom(bytes);
            } catch (com.google.protobuf.InvalidProtocolBufferException unreadable) {
                continue;
            }
            if (corrupt(entry)) {
                continue;
            }
            ApplyReply reply = log.apply(entry);
            if (reply.getErrorStatus() == 0 && reply.getBatchRepliesCount() == 0 && reply.getReplyJson().isEmpty()) {
                throw new AssertionError("an accepted entry without a reply: " + entry);
            }
        }
    }

    /** Entries apply refuses as corruption by design (no leader writes them). */
    private static boolean corrupt(LogEntry entry) {
        if (entry.getCommandCase() == LogEntry.CommandCase.COMMAND_NOT_SET) {
            return true;
        }
        return entry.hasBatch() && entry.getBatch().getEntriesList().stream().anyMatch(inner -> inner.hasBatch()
                || inner.getCommandCase() == LogEntry.CommandCase.COMMAND_NOT_SET);
    }
}
