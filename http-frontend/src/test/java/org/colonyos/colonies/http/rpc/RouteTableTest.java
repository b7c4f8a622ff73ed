package org.colonyos.colonies.http.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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


    /**
     * Every payload type of the protocol's quick reference (section 4.0) with the access rule it declares, as
     * written there ({@code M*} member in any state, {@code M/CO} member or colony owner).
     */
    private static final String CATALOGUE = """
            versionmsg | NONE
            getserverinfomsg | NONE
            getstatisticsmsg | SO
            getclustermsg | SO
            changeserveridmsg | SO
            addcolonymsg | SO
            removecolonymsg | SO
            getcoloniesmsg | SO
            getcolonymsg | M
            getcolonystatsmsg | M
            changecolonyidmsg | CO
            addexecutormsg | CO
            approveexecutormsg | CO
            rejectexecutormsg | CO
            removeexecutormsg | CO
            getexecutorsmsg | M*
            getexecutormsg | M
            getexecutorbyidmsg | M
            reportallocationmsg | M* + SELF
            updateexecutormsg | M* + SELF
            changeexecutoridmsg | M* (caller is executor)
            addusermsg | CO
            getusersmsg | M*
            getusermsg | M*
            getuserbyidmsg | M*
            removeusermsg | CO
            changeuseridmsg | M* (caller is user)
            addfunctionmsg | M + SELF
            getfunctionsmsg | M
            removefunctionmsg | M + SELF
            submitfuncspecmsg | M
            assignprocessmsg | M (caller must be executor)
            getprocessmsg | M
            getprocessesmsg | M
            getprocesshistmsg | M
            removeprocessmsg | M
            removeallprocessesmsg | CO
            setoutputmsg | M + AE
            closesuccessfulmsg | M + AE
            closefailedmsg | M + AE
            cancelprocessmsg | M
            pauseassignmentsmsg | CO
            resumeassignmentsmsg | CO
            getpausestatusmsg | M*
            submitworkflowspecmsg | M
            getprocessgraphmsg | M
            getprocessgraphsmsg | M
            removeprocessgraphmsg | M
            removeallprocessgraphsmsg | CO
            cancelprocessgraphmsg | M
            addchildmsg | M + AE(parent)
            addattributemsg | M + AE
            getattributemsg | M
            addlogmsg | M + AE
            addexecutorlogmsg | M + SELF
            getlogsmsg | M
            searchlogsmsg | M
            addgeneratormsg | M
            getgeneratormsg | M
            resolvegeneratormsg | M
            getgeneratorsmsg | M
            packgeneratormsg | M
            removegeneratormsg | M
            addcronmsg | M
            getcronmsg | M
            getcronsmsg | M
            runcronmsg | M (checked *after* running!)
            removecronmsg | M
            addfilemsg | M
            getfilemsg | M
            getfilesmsg | M
            getfilelabelsmsg | M
            removefilemsg | M
            createsnapshotmsg | M
            getsnapshotmsg | M
            getsnapshotsmsg | M
            removesnapshotmsg | M
            removeallsnapshotmsg | M
            channelappendmsg | M + (initiator or AE)
            channelreadmsg | M + (initiator or AE)
            addblueprintdefinitionmsg | CO
            getblueprintdefinitionmsg | M/CO
            getblueprintdefinitionsmsg | M/CO
            removeblueprintdefinitionmsg | CO
            addblueprintmsg | M/CO
            getblueprintmsg | M/CO
            getblueprintsmsg | M/CO
            updateblueprintmsg | M/CO
            updateblueprintstatusmsg | M
            removeblueprintmsg | M/CO
            getblueprinthistorymsg | M/CO
            reconcileblueprintmsg | M
            addlocationmsg | CO
            getlocationsmsg | M*
            getlocationmsg | M*
            removelocationmsg | CO
            """;
    /** Types the Go server defines but does not handle (it answers 403): refused here too. */
    private static final Set<String> REFUSED = Set.of("getnodemsg", "getnodesmsg", "getnodesbylocationmsg");

    /** Our access rule for the catalogue's notation. */
    private static Access accessOf(String rule) {
        String compact = rule.replace(" ", "");
        if (compact.startsWith("M*+SELF") || compact.startsWith("M+SELF") || rule.contains("caller is executor")) {
            return Access.MEMBER_SELF_EXECUTOR;
        }
        if (rule.contains("caller is user")) {
            return Access.MEMBER_SELF_USER;
        }
        return switch (rule.replaceAll("[ +(].*", "")) {
            case "NONE" -> Access.NONE;
            case "SO" -> Access.SERVER_OWNER;
            case "CO" -> Access.COLONY_OWNER;
            case "M*" -> Access.MEMBER_ANY_STATE;
            case "M" -> Access.MEMBER;
            case "M/CO" -> Access.MEMBER_OR_COLONY_OWNER;
            default -> throw new AssertionError("no access rule for " + rule);
        };
    }

    @Test
    void everyTypeOfTheProtocolIsRoutedWithItsAccessRuleOrDeliberatelyRefused() {
        List<String> lines = CATALOGUE.strip().lines().toList();
        List<String> unrouted = new java.util.ArrayList<>();
        for (String line : lines) {
            String wireName = line.substring(0, line.indexOf('|')).strip();
            String rule = line.substring(line.indexOf('|') + 1).strip();
            java.util.Optional<Route> route = PayloadType.fromWire(wireName).flatMap(TABLE::route);
            if (route.isEmpty()) {
                unrouted.add(wireName);
            } else {
                assertEquals(accessOf(rule), route.get().access(), wireName + " (" + rule + ")");
            }
        }
        assertEquals(List.of(), unrouted, "types of the catalogue without a route");
        REFUSED.forEach(type -> assertTrue(PayloadType.fromWire(type).isEmpty(), type));
        assertEquals(96, lines.size(), "the whole catalogue");
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
