package org.colonyos.colonies.http.rpc;

import java.util.concurrent.CompletableFuture;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.json.JsonDecodeException;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.SignedRequest;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadCodec;
import org.colonyos.colonies.proto.wire.PayloadException;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.RpcMsg;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.command.SignedEntries;
import org.colonyos.colonies.sm.node.Failures;
import org.colonyos.colonies.sm.node.ReplicatedNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the request pipeline of protocol section 1.5 once for every message, in its order: parse the envelope
 * (400), serve the unsigned messages, recover the signer (403), find the route (403), decode the payload and
 * check its msgtype (400), then read the state after a ReadIndex barrier, or admit a write ({@link Admission})
 * and replicate it, and map the outcome to a reply envelope with the matching HTTP status.
 *
 * <p>Thread-safe and non-blocking: the returned future completes on a Ratis or event-loop thread.
 */
public final class RpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);
    private static final String EMPTY_TYPE_HINT = "empty (this usually means the client is misconfigured - "
            + "check that it sends the payloadtype field)";

    /** Hears how every {@code /api} request ended (metrics). */
    @FunctionalInterface
    public interface RequestObserver {
        RequestObserver NONE = (type, status, nanos) -> { };

        /**
         * Called once per request when its reply is ready, on whichever thread completed it; must not block.
         *
         * @param payloadType the request's payload type, {@code unknown} for a type the protocol does not have,
         *     or {@code invalid} for an envelope that did not parse
         * @param status the reply's HTTP status
         * @param nanos the time from the body's arrival to the reply
         */
        void completed(String payloadType, int status, long nanos);
    }

    private final RouteTable table;
    private final ReplicatedNode node;
    private final RequestGuard guard;
    private final RequestObserver observer;

    /**
     * @param guard the node's request caps
     * @param observer hears of every request's outcome
     */
    public RpcDispatcher(RouteTable table, ReplicatedNode node, RequestGuard guard, RequestObserver observer) {
        this.table = table;
        this.node = node;
        this.guard = guard;
        this.observer = observer;
    }

    /**
     * Handles one request body that arrived on a connection. Never completes exceptionally.
     */
    public CompletableFuture<HttpReply> dispatch(byte[] body, Connection connection) {
        long started = System.nanoTime();
        String typeName = "invalid";
        CompletableFuture<HttpReply> reply;
        try {
            RpcMsg msg = parseEnvelope(body);
            PayloadType type = PayloadType.fromWire(msg.payloadType()).orElse(null);
            typeName = type == null ? "unknown" : type.wireName();
            reply = handle(msg, type, connection).exceptionally(RpcDispatcher::unexpected);
        } catch (Rejection rejection) {
            reply = CompletableFuture.completedFuture(HttpReply.error(rejection.status(), rejection.getMessage()));
        } catch (RuntimeException e) {
            reply = CompletableFuture.completedFuture(unexpected(e));
        }
        String observedType = typeName;
        return reply.whenComplete((done, never) -> observer.completed(observedType, done.status(),
                System.nanoTime() - started));
    }

    /** Serves a parsed envelope whose payload type is {@code type} (null: not a type of the protocol). */
    private CompletableFuture<HttpReply> handle(RpcMsg msg, PayloadType type, Connection connection) {
        Route route = type == null ? null : table.route(type).filter(r -> r.kind() != Route.Kind.SUBSCRIBE)
                .orElse(null);
        if (route != null && route.kind() == Route.Kind.UNSIGNED) {
            // Protocol 1.5 step 4: getserverinfomsg is answered without parsing its payload at all.
            Payload payload = type == PayloadType.GET_SERVER_INFO ? new ServerPayloads.Empty()
                    : decode(type, msg.payload());
            Object reply = route.unsigned().reply(payload);
            return CompletableFuture.completedFuture(HttpReply.ok(type.wireName(), Json.toBytes(reply)));
        }
        String callerId = recoverCaller(msg);
        guard.admitCaller(callerId);
        if (route == null) {
            String name = msg.payloadType().isEmpty() ? EMPTY_TYPE_HINT : msg.payloadType();
            throw Rejection.forbidden("invalid rpcMsg.PayloadType: " + name);
        }
        Payload payload = decode(type, msg.payload());
        if (route.kind() == Route.Kind.READ) {
            return node.readBarrier().thenApply(ignored -> read(route, callerId, payload));
        }
        Route.Call call = new Route.Call(callerId, payload, connection, signed(msg));
        if (route.kind() == Route.Kind.ASYNC) {
            guard.enterLongPoll();
            return admit(route, callerId, payload).thenCompose(admitted -> route.async().handle(call))
                    .whenComplete((reply, error) -> guard.leaveLongPoll());
        }
        LogEntry.Builder command = route.write().command(payload);
        return admit(route, callerId, payload)
                .thenCompose(admitted -> node.submitProven(call.entry(), callerId, command))
                .thenApply(reply -> toHttp(route, msg, reply));
    }

    /**
     * Completes when the caller may hold the route's role ({@link Admission}); a caller the local state does not
     * know is looked up once more after a ReadIndex barrier (it may have just been added through another node)
     * before the request is refused without proposing anything.
     */
    private CompletableFuture<Void> admit(Route route, String callerId, Payload payload) {
        try {
            checkAdmission(route, callerId, payload);
            return CompletableFuture.completedFuture(null);
        } catch (Rejection possiblyStale) {
            return node.readBarrier().thenRun(() -> checkAdmission(route, callerId, payload));
        }
    }

    private void checkAdmission(Route route, String callerId, Payload payload) {
        node.read(state -> {
            Admission.check(state, callerId, route.access(), payload);
            return null;
        });
    }

    /**
     * Handles one request frame of a {@code /pubsub} WebSocket (protocol 1.8): an unparsable envelope or a bad
     * signature closes the socket, types other than subscriptions are ignored, and failures of a subscription
     * are sent as error frames (a msgtype mismatch is 403 here). Never throws.
     */
    public void dispatchFrame(byte[] frame, Connection connection, FrameSink sink) {
        RpcMsg msg;
        String callerId;
        Route route;
        try {
            msg = parseEnvelope(frame);
            route = PayloadType.fromWire(msg.payloadType()).flatMap(table::route)
                    .filter(r -> r.kind() == Route.Kind.SUBSCRIBE).orElse(null);
            callerId = route == null ? null : recoverCaller(msg);
        } catch (RuntimeException e) {
            sink.closeAfter(0);
            return;
        }
        if (route == null) {
            return;
        }
        try {
            Payload payload = PayloadCodec.decode(route.type(), msg.payload());
            route.subscribe().subscribe(new Route.Call(callerId, payload, connection, signed(msg)), sink)
                    .exceptionally(error -> {
                        sink.send(unexpected(error));
                        return null;
                    });
        } catch (PayloadException e) {
            sink.send(HttpReply.error(e.typeMismatch() ? 403 : 400, e.getMessage()));
        } catch (RuntimeException e) {
            sink.send(unexpected(e));
        }
    }

    private static RpcMsg parseEnvelope(byte[] body) {
        try {
            return Json.parse(body, RpcMsg.class);
        } catch (JsonDecodeException e) {
            throw Rejection.badRequest("invalid request envelope: " + e.getMessage());
        }
    }

    private static String recoverCaller(RpcMsg msg) {
        return SignedEntries.recoverCaller(msg.payload(), msg.signature());
    }

    private static Payload decode(PayloadType type, String base64) {
        return SignedEntries.decode(type, base64);
    }

    private HttpReply read(Route route, String callerId, Payload payload) {
        try {
            Object reply = node.read(state -> route.read().read(state, callerId, payload));
            return HttpReply.ok(route.type().replyWireName(), Json.toBytes(reply));
        } catch (Rejection rejection) {
            return HttpReply.error(rejection.status(), rejection.getMessage());
        }
    }

    private static SignedRequest signed(RpcMsg msg) {
        return SignedRequest.newBuilder().setPayloadType(msg.payloadType()).setPayload(msg.payload())
                .setSignature(msg.signature()).build();
    }

    private static HttpReply toHttp(Route route, RpcMsg msg, ApplyReply reply) {
        if (route.echo() && reply.getErrorStatus() == 0) {
            return HttpReply.ok(route.type().replyWireName(), PayloadCodec.decodeBase64(msg.payload()));
        }
        return HttpReply.of(reply, route.type());
    }

    private static HttpReply unexpected(Throwable error) {
        Throwable cause = Failures.cause(error);
        if (cause instanceof Rejection rejection) {
            return HttpReply.error(rejection.status(), rejection.getMessage());
        }
        if (cause.getClass().getName().startsWith("org.apache.ratis.")) {
            LOG.warn("request could not be replicated: {}", cause.toString());
            return HttpReply.error(503, "Service unavailable, the request could not be replicated: "
                    + cause.getClass().getSimpleName());
        }
        LOG.error("request failed", cause);
        return HttpReply.error(500, "Internal server error");
    }
}
