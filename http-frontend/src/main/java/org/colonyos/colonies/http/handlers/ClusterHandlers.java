package org.colonyos.colonies.http.handlers;

import java.util.concurrent.CompletableFuture;
import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.HttpReply;
import org.colonyos.colonies.http.rpc.Route;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * Routes of the cluster (server owner only): {@code getclustermsg} (protocol 5.20) and this server's run-time
 * membership changes, {@code addclustermembermsg} and {@code removeclustermembermsg}.
 */
public final class ClusterHandlers {
    private ClusterHandlers() {
    }

    public static void register(RouteTable.Builder routes, Membership membership) {
        routes.read(PayloadType.GET_CLUSTER, Access.SERVER_OWNER, ServerPayloads.Empty.class, (state, caller, p) -> {
            Authorizer.requireServerOwner(state, caller);
            return membership.describe(state);
        })
                .async(PayloadType.ADD_CLUSTER_MEMBER, Access.SERVER_OWNER, ServerPayloads.AddClusterMember.class,
                        membership::add)
                .async(PayloadType.REMOVE_CLUSTER_MEMBER, Access.SERVER_OWNER,
                        ServerPayloads.RemoveClusterMember.class, membership::remove);
    }

    /** The node's view of the Raft group and the way to change it. Thread-safe. */
    public interface Membership {
        /** The members and the leader this node knows, read under the state lock. */
        Cluster describe(ColoniesState state);

        /** Serves {@code addclustermembermsg}; never completes exceptionally. */
        CompletableFuture<HttpReply> add(Route.Call call);

        /** Serves {@code removeclustermembermsg}; never completes exceptionally. */
        CompletableFuture<HttpReply> remove(Route.Call call);
    }
}
