package org.colonyos.colonies.proto.wire;

/**
 * A message body that cannot be decoded, with a Go-compatible message: invalid JSON, or a {@code msgtype} that
 * does not match the envelope's payloadtype. Over {@code /api} both are HTTP 400; the WebSocket reports a
 * mismatch as 403 (protocol 1.7), so the two are told apart.
 */
public final class PayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean typeMismatch;

    public PayloadException(String message, boolean typeMismatch) {
        super(message);
        this.typeMismatch = typeMismatch;
    }

    /** True when the JSON was fine but its {@code msgtype} named another message. */
    public boolean typeMismatch() {
        return typeMismatch;
    }
}
