package org.colonyos.colonies.http.handlers;

import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.model.User;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.proto.wire.UserPayloads;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;

/** Routes of the user domain. */
public final class UserHandlers {
    private UserHandlers() {
    }

    public static void register(RouteTable.Builder routes) {
        routes.write(PayloadType.ADD_USER, Access.COLONY_OWNER, UserPayloads.AddUser.class)
                .read(PayloadType.GET_USERS, Access.MEMBER_ANY_STATE, ColonyPayloads.ColonyRef.class,
                        (state, caller, p) -> {
                            if (state.colony(p.colonyName()).isEmpty()) {
                                throw Rejection.badRequest("Colony with name <" + p.colonyName() + "> not found");
                            }
                            Authorizer.requireMember(state, caller, p.colonyName(), false);
                            return Replies.listOrNull(state.usersOf(p.colonyName()));
                        })
                .read(PayloadType.GET_USER, Access.MEMBER_ANY_STATE, UserPayloads.UserRef.class,
                        (state, caller, p) -> {
                            Authorizer.requireMember(state, caller, p.colonyName(), false);
                            return state.user(p.colonyName(), p.name()).orElseThrow(() ->
                                    Rejection.internal("User with name <" + p.name() + "> not found"));
                        })
                .read(PayloadType.GET_USER_BY_ID, Access.MEMBER_ANY_STATE, UserPayloads.UserIdRef.class,
                        (state, caller, p) -> {
                            Authorizer.requireMember(state, caller, p.colonyName(), false);
                            return state.userById(p.colonyName(), p.userId()).orElseThrow(() ->
                                    Rejection.notFound("User with Id <" + p.userId() + "> not found"));
                        })
                .write(PayloadType.REMOVE_USER, Access.COLONY_OWNER, UserPayloads.UserRef.class)
                .echoWrite(PayloadType.CHANGE_USER_ID, Access.MEMBER_SELF_USER, UserPayloads.UserIdRef.class);
    }
}
