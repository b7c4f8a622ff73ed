package org.colonyos.colonies.http.handlers;

import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sm.Rejection;

/** Checks that a message carries its document, with the Go server's text; refused before replication. */
final class Required {
    private Required() {
    }

    /**
     * The value, or a 400 {@code Failed to <operation>, <what> is nil}.
     */
    static <T> T present(T value, PayloadType type, String what) {
        if (value == null) {
            throw Rejection.badRequest("Failed to " + type.operation() + ", " + what + " is nil");
        }
        return value;
    }
}
