package org.colonyos.colonies.proto.wire;

import java.util.List;
import java.util.Map;

/** Go-compatible reply shapes shared by the server and its tests. */
public final class Replies {
    /** The reply of messages that return nothing: JSON {@code {}} (payload {@code e30=}). */
    public static final Map<String, Object> EMPTY = Map.of();

    private Replies() {
    }

    /** A list reply: Go serialises an empty (nil) slice as {@code null}. */
    public static <T> List<T> listOrNull(List<T> items) {
        return items.isEmpty() ? null : items;
    }
}
