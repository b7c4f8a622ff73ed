package org.colonyos.colonies.cli;

/**
 * How a {@code --wait} ended when the process did not succeed: it ended failed or cancelled (exit code
 * {@link #FAILED}) or the wait timed out first ({@link #TIMED_OUT}). Printed without a stack trace.
 */
public final class WaitOutcome extends RuntimeException {
    /** Exit code of a process that ended failed or cancelled under {@code --wait}. */
    public static final int FAILED = 3;
    /** Exit code of a {@code --wait} that timed out. */
    public static final int TIMED_OUT = 4;
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public WaitOutcome(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
