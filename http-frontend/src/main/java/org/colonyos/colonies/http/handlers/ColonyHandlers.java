package org.colonyos.colonies.http.handlers;

import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;

/** Routes of the colony domain. */
public final class ColonyHandlers {
    private ColonyHandlers() {
    }

    public static void register(RouteTable.Builder routes) {
        routes.write(PayloadType.ADD_COLONY, Access.SERVER_OWNER, ColonyPayloads.AddColony.class)
                .write(PayloadType.REMOVE_COLONY, Access.SERVER_OWNER, ColonyPayloads.ColonyRef.class)
                .read(PayloadType.GET_COLONIES, Access.SERVER_OWNER, ServerPayloads.Empty.class,
                        (state, caller, p) -> {
                            Authorizer.requireServerOwner(state, caller);
                            return Replies.listOrNull(state.colonies());
                        })
                .read(PayloadType.GET_COLONY, Access.MEMBER, ColonyPayloads.ColonyRef.class, (state, caller, p) -> {
                    Authorizer.requireMember(state, caller, p.colonyName(), true);
                    return state.colony(p.colonyName()).orElseThrow(() ->
                            Rejection.internal("Colony with name <" + p.colonyName() + "> not found"));
                })
                .echoWrite(PayloadType.CHANGE_COLONY_ID, Access.COLONY_OWNER, ColonyPayloads.ChangeColonyId.class);
    }
}
