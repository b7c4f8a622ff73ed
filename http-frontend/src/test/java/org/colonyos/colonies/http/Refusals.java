package org.colonyos.colonies.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.colonyos.colonies.sdk.ColoniesException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on calls the server refuses. */
public final class Refusals {
    private Refusals() {
    }

    /** The call fails with this HTTP status and, unless {@code message} is null, exactly this message. */
    public static void assertRefused(int status, String message, Executable call) {
        ColoniesException refused = assertThrows(ColoniesException.class, call);
        assertEquals(status, refused.status(), refused.getMessage());
        if (message != null) {
            assertEquals(message, refused.getMessage());
        }
    }
}
