package org.colonyos.colonies.http.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.colonyos.colonies.http.handlers.ClusterHandlers;
import org.colonyos.colonies.http.handlers.Routes;
import org.colonyos.colonies.http.handlers.ServerHandlers;
import org.colonyos.colonies.http.wait.ChannelSubscriptions;
import org.colonyos.colonies.http.wait.ProcessSubscriptions;
import org.colonyos.colonies.http.wait.SubscribeFlows;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.config.TimerSettings;
import org.colonyos.colonies.proto.model.ServerInfo;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.junit.jupiter.api.Test;

/** Every payload type has exactly one route with a declared access rule and the handler its kind needs. */
class RouteTableTest {
    private static final RouteTable TABLE = Routes.table(new ServerHandlers.NodeFacts(
            new ServerHandlers.BuildInfo("v", "t"), () -> new ServerInfo.Backend("http", 1, "h", false, false),
            TimerSettings.DEFAULT),
            new ClusterHandlers.Membership() {
                @Override
                public Cluster describe(ColoniesState state) {
                    return new Cluster(List.of(), null);
                }

                @Override
                public CompletableFuture<HttpReply> add(Route.Call call) {
                    return CompletableFuture.completedFuture(HttpReply.error(500, "unused"));
                }

                @Override
                public CompletableFuture<HttpReply> remove(Route.Call call) {
                    return add(call);
                }
            },
            call -> CompletableFuture.completedFuture(HttpReply.error(500, "unused")),
            new SubscribeFlows(null, new ProcessSubscriptions(Runnable::run),
                    new ChannelSubscriptions(Runnable::run)), Clock.systemUTC());

    @ParameterizedTest
    @EnumSource(PayloadType.class)
    void everyPayloadTypeIsRoutedWithAnAccessRule(PayloadType type) {
        Route route = TABLE.route(type).orElseThrow();
        assertEquals(type, route.type());
        assertNotNull(route.access());
        boolean unsigned = Set.of(PayloadType.VERSION, PayloadType.GET_SERVER_INFO).contains(type);
        assertEquals(unsigned, route.kind() == Route.Kind.UNSIGNED);
        assertEquals(unsigned, route.access() == Access.NONE);
        switch (route.kind()) {
            case UNSIGNED -> assertNotNull(route.unsigned());
            case READ -> assertNotNull(route.read());
            case WRITE -> assertNotNull(route.write());
            case ASYNC -> assertNotNull(route.async());
            case SUBSCRIBE -> assertNotNull(route.subscribe());
            default -> throw new AssertionError(route.kind());
        }
    }

    @Test
    void incompleteOrDuplicateTablesAreRefused() {
        assertThrows(IllegalStateException.class, () -> RouteTable.builder().build());
        RouteTable.Builder builder = RouteTable.builder()
                .unsigned(PayloadType.VERSION, ServerPayloads.Version.class, p -> p);
        assertThrows(IllegalStateException.class, () ->
                builder.unsigned(PayloadType.VERSION, ServerPayloads.Version.class, p -> p));
        assertThrows(IllegalStateException.class, () ->
                RouteTable.builder().unsigned(PayloadType.VERSION, ServerPayloads.Empty.class, p -> p));
    }
}
