package org.colonyos.colonies.proto.wire;

/** A message body that cannot be decoded: always HTTP 400 with a Go-compatible message. */
public final class PayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PayloadException(String message) {
        super(message);
    }
}
