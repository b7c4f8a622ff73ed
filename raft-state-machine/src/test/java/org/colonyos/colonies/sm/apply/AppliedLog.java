package org.colonyos.colonies.sm.apply;

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
}
