package org.colonyos.colonies.http.rpc;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sm.command.ClientCommands;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * The one table from payload type to {@link Route}, for {@code /api} and the subscriptions of {@code /pubsub}. {@link Builder#build()} refuses a table that
 * misses a payload type or names one twice. Immutable once built; safe to share.
 */
public final class RouteTable {
    private final Map<PayloadType, Route> routes;

    private RouteTable(Map<PayloadType, Route> routes) {
        this.routes = Collections.unmodifiableMap(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Route> route(PayloadType type) {
        return Optional.ofNullable(routes.get(type));
    }

    /** Every route, in payload type order. */
    public Map<PayloadType, Route> routes() {
        return routes;
    }

    /** Collects routes; each method takes the payload record class so handlers are typed. */
    public static final class Builder {
        private final Map<PayloadType, Route> routes = new EnumMap<>(PayloadType.class);

        private Builder add(Route route) {
            if (routes.put(route.type(), route) != null) {
                throw new IllegalStateException("two routes for " + route.type());
            }
            return this;
        }

        public <P extends Payload> Builder unsigned(PayloadType type, Class<P> payload, Function<P, Object> reply) {
            check(type, payload);
            return add(new Route(type, Access.NONE, Route.Kind.UNSIGNED, p -> reply.apply(payload.cast(p)),
                    null, null, null, null, false));
        }

        public <P extends Payload> Builder read(PayloadType type, Access access, Class<P> payload,
                TypedRead<P> read) {
            check(type, payload);
            return add(new Route(type, access, Route.Kind.READ, null,
                    (state, caller, p) -> read.read(state, caller, payload.cast(p)), null, null, null, false));
        }

        /** A replicated write; its command is {@link ClientCommands#of}, checked before it is proposed. */
        public <P extends Payload> Builder write(PayloadType type, Access access, Class<P> payload) {
            return write(type, access, payload, false);
        }

        /** A write whose success reply is the request's own JSON. */
        public <P extends Payload> Builder echoWrite(PayloadType type, Access access, Class<P> payload) {
            return write(type, access, payload, true);
        }

        private <P extends Payload> Builder write(PayloadType type, Access access, Class<P> payload, boolean echo) {
            check(type, payload);
            if (!ClientCommands.isWrite(type)) {
                throw new IllegalStateException(type + " has no log command");
            }
            return add(new Route(type, access, Route.Kind.WRITE, null, null, p -> ClientCommands.of(type, p),
                    null, null, echo));
        }

        /** A call with its own asynchronous flow. */
        public <P extends Payload> Builder async(PayloadType type, Access access, Class<P> payload,
                Route.AsyncHandler handler) {
            check(type, payload);
            return add(new Route(type, access, Route.Kind.ASYNC, null, null, null, handler, null, false));
        }

        /** A WebSocket subscription. */
        public <P extends Payload> Builder subscription(PayloadType type, Access access, Class<P> payload,
                Route.SubscribeHandler handler) {
            check(type, payload);
            return add(new Route(type, access, Route.Kind.SUBSCRIBE, null, null, null, null, handler, false));
        }

        /** The table; every payload type must have exactly one route. */
        public RouteTable build() {
            for (PayloadType type : PayloadType.values()) {
                if (!routes.containsKey(type)) {
                    throw new IllegalStateException("no route for " + type.wireName());
                }
            }
            return new RouteTable(new EnumMap<>(routes));
        }

        private static void check(PayloadType type, Class<? extends Payload> payload) {
            if (type.payloadClass() != payload) {
                throw new IllegalStateException(type + " carries " + type.payloadClass().getSimpleName());
            }
        }
    }

    /** A typed read handler. */
    @FunctionalInterface
    public interface TypedRead<P extends Payload> {
        Object read(ColoniesState state, String callerId, P payload);
    }
}
