package org.colonyos.colonies.sm.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.Signals;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.ColoniesStore;

/** A fresh in-memory state and the entries applied to it at consecutive log indexes (applier tests). */
final class AppliedLog {
    final ColoniesState state = new ColoniesState(ColoniesStore.inMemory());
    private final CommandDispatcher dispatcher = new CommandDispatcher();
    private int generatedIds;

    /** A signed request at a time, with the next generated id ({@code 00..01}, {@code 00..02}, ...). */
    LogEntry signed(String key, PayloadType type, Payload payload, long timeNanos) {
        return Commands.request(key, type, payload).setGeneratedId(String.format("%064x", ++generatedIds))
                .setLeaderTimeUnixNanos(timeNanos).build();
    }

    /** Every entry applied, in order. */
    final List<LogEntry> entries = new ArrayList<>();
    private long index;

    ApplyReply apply(LogEntry entry) {
        entries.add(entry);
        return dispatcher.apply(state, entry, ++index, new Signals()).proto();
    }

    /** A fresh state with the same entries applied again, in the same order. */
    AppliedLog replayed() {
        AppliedLog replay = new AppliedLog();
        entries.forEach(replay::apply);
        return replay;
    }

    /** Applies an entry that must be accepted; its reply. */
    ApplyReply ok(LogEntry entry) {
        ApplyReply reply = apply(entry);
        assertEquals(0, reply.getErrorStatus(), reply.getErrorMessage());
        return reply;
    }

    /** The key of executor {@code o1}, the member of colony {@code other} that {@link #twoColonies} adds. */
    static final String OTHER_KEY = Commands.keyOf("other executor");

    /**
     * Bootstraps the server and adds colonies {@code test} (approved executor {@code e1} with
     * {@link Commands#EXECUTOR_KEY}) and {@code other} (approved executor {@code o1} with {@link #OTHER_KEY}), each
     * entry at the next time of {@code clock}.
     */
    void twoColonies(LongSupplier clock) {
        ok(Commands.bootstrap());
        ok(Commands.addColony("test", clock.getAsLong()));
        ok(Commands.addExecutor("test", "e1", Commands.EXECUTOR_ID, clock.getAsLong()));
        ok(Commands.approve("test", "e1", clock.getAsLong()));
        ok(Commands.addColony("other", clock.getAsLong()));
        ok(Commands.addExecutor("other", "o1", Identity.idOfPrivateKey(OTHER_KEY), clock.getAsLong()));
        ok(Commands.approve("other", "o1", clock.getAsLong()));
    }

    /** Applies an entry that must be refused with {@code status}; its error message. */
    String refused(LogEntry entry, int status) {
        ApplyReply reply = apply(entry);
        assertEquals(status, reply.getErrorStatus(), reply.toString());
        return reply.getErrorMessage();
    }
}
