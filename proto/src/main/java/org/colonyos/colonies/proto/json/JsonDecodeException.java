package org.colonyos.colonies.proto.json;

/** JSON that cannot be decoded into the expected shape; the message is safe to show a client. */
public final class JsonDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonDecodeException(String message) {
        super(message);
    }
}
