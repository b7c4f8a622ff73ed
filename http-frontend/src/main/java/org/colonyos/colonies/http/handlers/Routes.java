package org.colonyos.colonies.http.handlers;

import java.time.Clock;
import org.colonyos.colonies.http.rpc.Route;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.http.wait.SubscribeFlows;

/** Assembles the route table of every domain. */
public final class Routes {
    private Routes() {
    }

    /**
     * The complete, validated route table.
     *
     * @param membership the node's view of the Raft group, for the cluster routes
     * @param assign the long-polling assign flow
     * @param subscribe the {@code /pubsub} process subscriptions
     * @param clock wall time for reads relative to now (process history, log search)
     */
    public static RouteTable table(ServerHandlers.NodeFacts facts, ClusterHandlers.Membership membership,
            Route.AsyncHandler assign,
            SubscribeFlows subscribe, Clock clock) {
        RouteTable.Builder routes = RouteTable.builder();
        ServerHandlers.register(routes, facts);
        ClusterHandlers.register(routes, membership);
        ColonyHandlers.register(routes);
        ExecutorHandlers.register(routes);
        UserHandlers.register(routes);
        ProcessHandlers.register(routes, assign, subscribe, clock);
        WorkflowHandlers.register(routes);
        ScheduledHandlers.register(routes, facts.timers());
        CfsHandlers.register(routes);
        CatalogHandlers.register(routes, subscribe);
        BlueprintHandlers.register(routes);
        RecordHandlers.register(routes, clock);
        StatisticsHandlers.register(routes);
        return routes.build();
    }
}
