package org.colonyos.colonies.proto.model;

/** Process (and process graph) states and their wire numbers; {@link #ALL} is the "any state" filter. */
public final class ProcessState {
    public static final int ALL = -1;
    public static final int WAITING = 0;
    public static final int RUNNING = 1;
    public static final int SUCCESS = 2;
    public static final int FAILED = 3;
    public static final int CANCELLED = 4;

    private ProcessState() {
    }

    /** True for SUCCESS, FAILED and CANCELLED: states a process never leaves. */
    public static boolean isFinal(int state) {
        return state == SUCCESS || state == FAILED || state == CANCELLED;
    }

    /** True for the five real states. */
    public static boolean isValid(int state) {
        return state >= WAITING && state <= CANCELLED;
    }

    /** The states a filter selects, in state order: the one state, or every state for {@link #ALL}. */
    public static int[] selectedBy(int filter) {
        return filter == ALL ? new int[] {WAITING, RUNNING, SUCCESS, FAILED, CANCELLED}
                : isValid(filter) ? new int[] {filter} : new int[0];
    }

    /** A readable name of a state number. */
    public static String name(int state) {
        return switch (state) {
            case WAITING -> "waiting";
            case RUNNING -> "running";
            case SUCCESS -> "successful";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
            default -> "unknown(" + state + ")";
        };
    }
}
