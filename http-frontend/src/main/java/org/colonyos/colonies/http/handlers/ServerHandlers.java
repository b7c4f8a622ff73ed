package org.colonyos.colonies.http.handlers;

import java.util.List;
import java.util.function.Supplier;
import org.colonyos.colonies.config.TimerSettings;
import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.model.ServerInfo;
import org.colonyos.colonies.proto.model.Version;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ServerPayloads;

/** Routes of the server domain: version, server info and the server owner id. */
public final class ServerHandlers {
    private ServerHandlers() {
    }

    public static void register(RouteTable.Builder routes, NodeFacts facts) {
        BuildInfo build = facts.build();
        routes.unsigned(PayloadType.VERSION, ServerPayloads.Version.class,
                        p -> new Version(build.version(), build.time(), PayloadType.VERSION.wireName()))
                .unsigned(PayloadType.GET_SERVER_INFO, ServerPayloads.Empty.class,
                        p -> new ServerInfo(build.version(), build.time(), List.of(facts.backend().get())))
                .echoWrite(PayloadType.CHANGE_SERVER_ID, Access.SERVER_OWNER, ServerPayloads.ChangeServerId.class);
    }

    /** The build identity of this server. */
    public record BuildInfo(String version, String time) {
    }

    /**
     * What this node reports about itself.
     *
     * @param build the build version and time
     * @param backend the listener reported by {@code getserverinfomsg} (known once the port is bound)
     * @param timers the leader's timer periods (reported as the checker periods of crons and generators)
     */
    public record NodeFacts(BuildInfo build, Supplier<ServerInfo.Backend> backend, TimerSettings timers) {
    }
}
