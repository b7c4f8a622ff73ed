package org.colonyos.colonies.sm.auth;

import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * The access rules of the protocol (section 3) as pure functions over the replicated state: server owner,
 * colony owner, and colony member (an executor of the colony, approved unless the rule says otherwise, or a
 * user of the colony). The colony owner is not implicitly a member. Each check returns normally or throws a
 * 403 {@link Rejection} with the Go server's text.
 *
 * <p>Stateless; safe from any thread that holds the state lock. Used by apply (writes) and read handlers.
 */
public final class Authorizer {
    private Authorizer() {
    }

    /** The caller must be the server owner. */
    public static void requireServerOwner(ColoniesState state, String callerId) {
        String serverId = state.serverId();
        if (serverId.isEmpty()) {
            throw Rejection.internal("Server id is not set: start the server with COLONIES_SERVER_ID");
        }
        if (!serverId.equals(callerId)) {
            throw Rejection.forbidden("Access denied, not server owner");
        }
    }

    /** The caller must own the named colony; returns the colony. */
    public static Colony requireColonyOwner(ColoniesState state, String callerId, String colonyName) {
        Colony colony = existingColony(state, colonyName);
        if (!colony.colonyId().equals(callerId)) {
            throw Rejection.forbidden("Access denied, not colony owner");
        }
        return colony;
    }

    /**
     * The caller must be a member of the colony: an executor of it (in state APPROVED when
     * {@code approvedOnly}) or a user of it.
     */
    public static void requireMember(ColoniesState state, String callerId, String colonyName, boolean approvedOnly) {
        existingColony(state, colonyName);
        if (isExecutorMember(state, callerId, colonyName, approvedOnly)
                || state.userById(colonyName, callerId).isPresent()) {
            return;
        }
        throw Rejection.forbidden("Access denied, not a member of Colony with name <" + colonyName + ">");
    }

    /** The caller must be a member of the colony (approved) or its owner; a refusal names the membership. */
    public static void requireMemberOrOwner(ColoniesState state, String callerId, String colonyName) {
        Colony colony = existingColony(state, colonyName);
        if (!colony.colonyId().equals(callerId)) {
            requireMember(state, callerId, colonyName, true);
        }
    }

    /** Whether the caller owns any colony (a necessary condition of every colony owner's message). */
    public static boolean ownsAnyColony(ColoniesState state, String callerId) {
        return state.colonies().stream().anyMatch(colony -> colony.colonyId().equals(callerId));
    }

    /**
     * Whether the caller is an executor (in any state) or a user of any colony: a necessary condition of every
     * member's message. Executors are found through the global id index; users by colony.
     */
    public static boolean isMemberOfAnyColony(ColoniesState state, String callerId) {
        return state.hasExecutorId(callerId) || state.colonies().stream()
                .anyMatch(colony -> state.userById(colony.name(), callerId).isPresent());
    }

    private static boolean isExecutorMember(ColoniesState state, String callerId, String colonyName,
            boolean approvedOnly) {
        return state.executorById(colonyName, callerId)
                .map(Executor::state)
                .filter(s -> !approvedOnly || s == ExecutorState.APPROVED)
                .isPresent();
    }

    private static Colony existingColony(ColoniesState state, String colonyName) {
        if (colonyName.isEmpty()) {
            throw Rejection.forbidden("Empty Colony name");
        }
        return state.colony(colonyName).orElseThrow(() ->
                Rejection.forbidden("Colony with name <" + colonyName + "> does not exists"));
    }
}
