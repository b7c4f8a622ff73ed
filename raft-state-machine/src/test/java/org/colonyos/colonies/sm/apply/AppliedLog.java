package org.colonyos.colonies.sm.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.sm.Signals;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.ColoniesStore;

/** A fresh in-memory state and the entries applied to it at consecutive log indexes (applier tests). */
final class AppliedLog {
    final ColoniesState state = new ColoniesState(ColoniesStore.inMemory());
    private final CommandDispatcher dispatcher = new CommandDispatcher();
    private long index;

    ApplyReply apply(LogEntry entry) {
        return dispatcher.apply(state, entry, ++index, new Signals());
    }

    /** Applies an entry that must be accepted; its reply. */
    ApplyReply ok(LogEntry entry) {
        ApplyReply reply = apply(entry);
        assertEquals(0, reply.getErrorStatus(), reply.getErrorMessage());
        return reply;
    }

    /** Applies an entry that must be refused with {@code status}; its error message. */
    String refused(LogEntry entry, int status) {
        ApplyReply reply = apply(entry);
        assertEquals(status, reply.getErrorStatus(), reply.toString());
        return reply.getErrorMessage();
    }
}
