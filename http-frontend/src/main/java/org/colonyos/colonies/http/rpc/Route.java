package org.colonyos.colonies.http.rpc;

import java.util.concurrent.CompletableFuture;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.SignedRequest;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * How one payload type is served: who may call it and whether it is an unsigned call, a linearizable read, a
 * replicated write or a call with its own asynchronous flow (the long-polling assign). Immutable.
 *
 * @param type the payload type
 * @param access the declared access rule
 * @param kind unsigned, read or write
 * @param unsigned for {@link Kind#UNSIGNED}: computes the reply from the payload alone
 * @param read for {@link Kind#READ}: computes the reply from the state
 * @param write for {@link Kind#WRITE}: the log command of the payload
 * @param async for {@link Kind#ASYNC}: serves the whole call
 * @param subscribe for {@link Kind#SUBSCRIBE}: starts a subscription (WebSocket {@code /pubsub} only)
 * @param echo for writes: reply with the request's own JSON (the Go server does this for id changes)
 */
public record Route(PayloadType type, Access access, Kind kind, UnsignedHandler unsigned, ReadHandler read,
        WriteHandler write, AsyncHandler async, SubscribeHandler subscribe, boolean echo) {

    /** The ways a message is served; only {@link #SUBSCRIBE} routes are served over {@code /pubsub}, and only there. */
    public enum Kind { UNSIGNED, READ, WRITE, ASYNC, SUBSCRIBE }

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

    /**
     * Serves a call with its own flow; never completes exceptionally.
     */
    @FunctionalInterface
    public interface AsyncHandler {
        CompletableFuture<HttpReply> handle(Call call);
    }

    /**
     * Starts a subscription that sends frames until its socket closes. The future completes once the
     * subscription is in place; failing it with a {@link org.colonyos.colonies.sm.Rejection} sends an error frame.
     */
    @FunctionalInterface
    public interface SubscribeHandler {
        CompletableFuture<Void> subscribe(Call call, FrameSink sink);
    }

    /**
     * One signed call after the pipeline's checks.
     *
     * @param callerId the id recovered from the signature
     * @param payload the decoded payload
     * @param connection the client's connection (long-polls stop waiting when it closes)
     * @param request the signed envelope as received
     */
    public record Call(String callerId, Payload payload, Connection connection, SignedRequest request) {
        /**
         * The log entry of this call: the signed envelope as received, from which every replica proves the
         * caller and derives the command ({@code SignedEntries}).
         */
        public LogEntry entry() {
            return LogEntry.newBuilder().setRequest(request).build();
        }

        /** A log entry carrying a command other than the one the request stands for (an assign poll's touch). */
        public LogEntry entry(LogEntry.Builder variant) {
            return variant.setRequest(request).build();
        }
    }

    /** The log command of a write; throws a {@code Rejection} before anything is replicated for a bad payload. */
    @FunctionalInterface
    public interface WriteHandler {
        LogEntry.Builder command(Payload payload);
    }
}
