package org.colonyos.colonies.sm.node;

import java.util.concurrent.CompletionException;

/** What a failed future actually failed with. Stateless. */
public final class Failures {
    private Failures() {
    }

    /** The cause wrapped in (possibly nested) {@link CompletionException}s, or the error itself. */
    public static Throwable cause(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
