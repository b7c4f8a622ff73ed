package org.colonyos.colonies.http.rpc;

import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * How one payload type is served: who may call it and whether it is an unsigned call, a linearizable read or
 * a replicated write. Immutable.
 *
 * @param type the payload type
 * @param access the declared access rule
 * @param kind unsigned, read or write
 * @param unsigned for {@link Kind#UNSIGNED}: computes the reply from the payload alone
 * @param read for {@link Kind#READ}: computes the reply from the state
 * @param write for {@link Kind#WRITE}: builds the log command
 * @param echo for writes: reply with the request's own JSON (the Go server does this for id changes)
 */
public record Route(PayloadType type, Access access, Kind kind, UnsignedHandler unsigned, ReadHandler read,
        WriteHandler write, boolean echo) {

    /** The three ways a message is served. */
    public enum Kind { UNSIGNED, READ, WRITE }

    /** Answers an unsigned message. */
    @FunctionalInterface
    public interface UnsignedHandler {
        Object reply(Payload payload);
    }

    /** Answers a read from the local state after a ReadIndex barrier, under the state read lock. */
    @FunctionalInterface
    public interface ReadHandler {
        Object read(ColoniesState state, String callerId, Payload payload);
    }

    /** Turns a write into its log command; may refuse obviously bad payloads before anything is replicated. */
    @FunctionalInterface
    public interface WriteHandler {
        LogEntry.Builder command(Payload payload);
    }
}
