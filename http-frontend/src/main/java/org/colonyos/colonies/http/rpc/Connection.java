package org.colonyos.colonies.http.rpc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client connection a call arrived on, so a long-poll or subscription can stop when the client goes away.
 * Hooks are removable, so the many calls of one keep-alive connection leave nothing behind.
 *
 * <p>Thread-safe: hooks may be added and removed from any thread; each hook runs at most once.
 */
public final class Connection {
    private final Set<Runnable> hooks = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Runs {@code hook} when the connection closes (at once if it already has).
     *
     * @return removes the hook; call it when the call completes
     */
    public Runnable onClose(Runnable hook) {
        hooks.add(hook);
        if (closed && hooks.remove(hook)) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }

    /** Marks the connection closed and runs the hooks still registered. */
    public void close() {
        closed = true;
        for (Runnable hook : hooks) {
            if (hooks.remove(hook)) {
                hook.run();
            }
        }
    }
}
