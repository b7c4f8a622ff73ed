package org.colonyos.colonies.http.rpc;

/**
 * Who may call a message (protocol section 3). Declared once per route; enforced against replicated state by
 * the read handlers (reads) and by the appliers (writes), through {@code Authorizer}.
 */
public enum Access {
    /** No signature needed. */
    NONE,
    /** The server owner. */
    SERVER_OWNER,
    /** The owner of the colony named in the message. */
    COLONY_OWNER,
    /** An approved executor or a user of the colony. */
    MEMBER,
    /** An approved executor or a user of the colony, or its owner. */
    MEMBER_OR_COLONY_OWNER,
    /** An executor of the colony in any state, or a user of it. */
    MEMBER_ANY_STATE,
    /** A member (any state) that is the executor named in the message. */
    MEMBER_SELF_EXECUTOR,
    /** A member (any state) that is the user whose id is changed. */
    MEMBER_SELF_USER
}
