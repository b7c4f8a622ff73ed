package org.colonyos.colonies.sdk;

/**
 * An error reply from the server ({@code status} is the protocol's HTTP status and {@code message} its text),
 * or a transport failure (status 0).
 */
public final class ColoniesException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ColoniesException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ColoniesException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status of the error reply, or 0 when the server could not be reached. */
    public int status() {
        return status;
    }
}
