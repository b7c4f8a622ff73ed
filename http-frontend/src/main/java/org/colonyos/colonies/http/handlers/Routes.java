package org.colonyos.colonies.http.handlers;

import java.util.function.Supplier;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.model.ServerInfo;

/** Assembles the route table of every domain. */
public final class Routes {
    private Routes() {
    }

    /** The complete, validated route table. */
    public static RouteTable table(ServerHandlers.BuildInfo build, Supplier<ServerInfo.Backend> backend) {
        RouteTable.Builder routes = RouteTable.builder();
        ServerHandlers.register(routes, build, backend);
        ColonyHandlers.register(routes);
        ExecutorHandlers.register(routes);
        UserHandlers.register(routes);
        return routes.build();
    }
}
