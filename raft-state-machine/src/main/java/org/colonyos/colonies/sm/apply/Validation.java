package org.colonyos.colonies.sm.apply;

import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.state.ColoniesState;

/** Input checks shared by the appliers; each throws a 400 {@link Rejection} with the given message. */
final class Validation {
    private Validation() {
    }

    /** Ids of keys are 64 characters (the Go server checks the length only). */
    static void requireIdLength(String id, String message) {
        if (id.length() != 64) {
            throw Rejection.badRequest(message);
        }
    }

    static void requireNonEmpty(String value, String message) {
        if (value.isEmpty()) {
            throw Rejection.badRequest(message);
        }
    }

    /** Names become parts of index keys: they must be non-empty and free of control characters. */
    static void requireName(String name, String what) {
        if (name.isEmpty()) {
            throw Rejection.badRequest("Invalid " + what + " name: must not be empty");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw Rejection.badRequest("Invalid " + what + " name: must not contain control characters");
        }
    }

    /**
     * A member's new id must not be in use: not by an executor anywhere (executor ids are global keys) and not
     * by a user of the colony, so changing an id can never take over another member.
     */
    static void requireUnusedMemberId(ColoniesState state, String colonyName, String id, String operation) {
        if (state.hasExecutorId(id) || state.userById(colonyName, id).isPresent()) {
            throw Rejection.conflict(operation + ", the Id is already in use");
        }
    }

    /**
     * Checks the state filter of a remove-all message: one state or every state ({@code -1}), but never the
     * running ones alone (400, the Go server's texts with {@code what}, e.g. {@code processes}).
     */
    static void requireRemovableState(int target, String what) {
        if (target == ProcessState.RUNNING) {
            throw Rejection.badRequest("Not possible to remove running " + what);
        }
        if (target != ProcessState.ALL && !ProcessState.isValid(target)) {
            throw Rejection.badRequest("Failed to remove all " + what + ", invalid state " + target);
        }
    }
}
