package org.colonyos.colonies.proto.model;

/** Executor states and their wire numbers. */
public final class ExecutorState {
    public static final int PENDING = 0;
    public static final int APPROVED = 1;
    public static final int REJECTED = 2;
    public static final int UNREGISTERED = 3;

    private ExecutorState() {
    }

    /** A readable name of a state number. */
    public static String name(int state) {
        return switch (state) {
            case PENDING -> "pending";
            case APPROVED -> "approved";
            case REJECTED -> "rejected";
            case UNREGISTERED -> "unregistered";
            default -> "unknown(" + state + ")";
        };
    }
}
