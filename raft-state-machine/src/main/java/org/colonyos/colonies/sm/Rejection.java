package org.colonyos.colonies.sm;

/**
 * A deterministic business error (bad request, forbidden, not found, ...): the request is refused, nothing is
 * changed, and every replica computes the same refusal. {@link #status()} is the protocol's HTTP status.
 *
 * <p>Thrown by authorization, appliers and read handlers before they mutate anything, and turned into an
 * error reply in one place. Not a sign of corruption: unlike other exceptions it never stops the node.
 */
public final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    private Rejection(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static Rejection badRequest(String message) {
        return new Rejection(400, message);
    }

    public static Rejection unavailable(String message) {
        return new Rejection(503, message);
    }

    /** The caller made more requests than it may (429). */
    public static Rejection tooManyRequests(String message) {
        return new Rejection(429, message);
    }

    public static Rejection forbidden(String message) {
        return new Rejection(403, message);
    }

    /** The request conflicts with the state (for example an id already in use). */
    public static Rejection conflict(String message) {
        return new Rejection(409, message);
    }

    /** The request is larger than the server accepts. */
    public static Rejection tooLarge(String message) {
        return new Rejection(413, message);
    }

    public static Rejection notFound(String message) {
        return new Rejection(404, message);
    }

    /** The Go server reports several "X is nil" lookups as 500; this mirrors those. */
    public static Rejection internal(String message) {
        return new Rejection(500, message);
    }

    /**
     * An id that names nothing: a 500 {@code Failed to <operation>, <what> with id <id> not found}, the Go server's
     * status for unknown graphs, crons and generators.
     */
    public static Rejection unknown(String operation, String what, String id) {
        return internal("Failed to " + operation + ", " + what + " with id <" + id + "> not found");
    }

    public int status() {
        return status;
    }
}
