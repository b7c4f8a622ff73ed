package org.colonyos.colonies.http.handlers;

import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.http.wait.SubscribeFlows;
import org.colonyos.colonies.proto.model.Location;
import org.colonyos.colonies.proto.wire.CatalogPayloads;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.auth.ChannelAccess;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * Routes of locations (protocol 4.15) and channels (4.13, 1.8): appends go through the log; reads and
 * subscriptions ({@link SubscribeFlows#channel}) are answered by any node from its replica.
 */
public final class CatalogHandlers {
    private CatalogHandlers() {
    }

    public static void register(RouteTable.Builder routes, SubscribeFlows subscribe) {
        routes.write(PayloadType.ADD_LOCATION, Access.COLONY_OWNER, CatalogPayloads.AddLocation.class)
                .write(PayloadType.REMOVE_LOCATION, Access.COLONY_OWNER, CatalogPayloads.LocationRef.class)
                .read(PayloadType.GET_LOCATIONS, Access.MEMBER_ANY_STATE, ColonyPayloads.ColonyRef.class,
                        (state, caller, p) -> {
                            Authorizer.requireMember(state, caller, p.colonyName(), false);
                            return Replies.listOrNull(state.catalog().locationsOf(p.colonyName()));
                        })
                .read(PayloadType.GET_LOCATION, Access.MEMBER_ANY_STATE, CatalogPayloads.LocationRef.class,
                        (state, caller, p) -> location(state, caller, p))
                .write(PayloadType.CHANNEL_APPEND, Access.MEMBER, CatalogPayloads.ChannelAppend.class)
                .read(PayloadType.CHANNEL_READ, Access.MEMBER, CatalogPayloads.ChannelRead.class,
                        (state, caller, p) -> ChannelAccess.readable(state, caller, p.processId(),
                                p.name(), p.afterSeq(), p.limit(), "read from"))
                .subscription(PayloadType.SUBSCRIBE_CHANNEL, Access.MEMBER, CatalogPayloads.SubscribeChannel.class,
                        subscribe::channel);
    }

    private static Location location(ColoniesState state, String caller, CatalogPayloads.LocationRef p) {
        Authorizer.requireMember(state, caller, p.colonyName(), false);
        return state.catalog().location(p.colonyName(), p.name())
                .orElseThrow(() -> Rejection.notFound("Location with name <" + p.name() + "> not found"));
    }
}
