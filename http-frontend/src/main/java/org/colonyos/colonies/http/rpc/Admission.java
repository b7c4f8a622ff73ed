package org.colonyos.colonies.http.rpc;

import java.lang.reflect.RecordComponent;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * Admission before proposal: a write whose caller cannot have the role its route declares (an unknown key, a
 * key that is no colony's member, a key that owns no colony, a key other than the server owner's) is refused
 * from the local replica's state, so refused requests leave no trace in the Raft log. Admission is only a
 * necessary condition: apply still checks the full rule (the right colony, the right state) on replicated
 * state.
 *
 * <p>Stateless; call under the state read lock.
 */
final class Admission {
    private Admission() {
    }

    /**
     * Throws a 403 {@link Rejection} when the caller cannot hold the role {@code access} needs; a member
     * refused is told which colony, with the Go server's text, when the message names one.
     */
    static void check(ColoniesState state, String callerId, Access access, Payload payload) {
        switch (access) {
            case NONE -> {
            }
            case SERVER_OWNER -> Authorizer.requireServerOwner(state, callerId);
            case COLONY_OWNER -> {
                if (!Authorizer.ownsAnyColony(state, callerId)) {
                    throw Rejection.forbidden("Access denied, not colony owner");
                }
            }
            case MEMBER_OR_COLONY_OWNER -> {
                if (!Authorizer.isMemberOfAnyColony(state, callerId) && !Authorizer.ownsAnyColony(state, callerId)) {
                    throw Rejection.forbidden("Access denied, not a member or owner of any colony");
                }
            }
            default -> {
                if (!Authorizer.isMemberOfAnyColony(state, callerId)) {
                    String colony = colonyOf(payload);
                    throw Rejection.forbidden(colony.isEmpty() ? "Access denied, not a member of any colony"
                            : "Access denied, not a member of Colony with name <" + colony + ">");
                }
            }
        }
    }

    /** The colony a message names: its {@code colonyName} field, or the colony of a submitted spec. */
    private static String colonyOf(Payload payload) {
        if (payload instanceof ProcessPayloads.SubmitFuncSpec submit) {
            return submit.spec() == null || submit.spec().conditions() == null ? ""
                    : submit.spec().conditions().colonyName();
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals("colonyName")) {
                try {
                    Object value = component.getAccessor().invoke(payload);
                    return value == null ? "" : value.toString();
                } catch (ReflectiveOperationException e) {
                    return "";
                }
            }
        }
        return "";
    }
}
