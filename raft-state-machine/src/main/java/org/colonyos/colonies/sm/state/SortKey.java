package org.colonyos.colonies.sm.state;

/**
 * Fixed-width strings whose lexicographic order equals the numeric order of signed longs, for use inside
 * composite index keys. Stateless.
 */
public final class SortKey {
    private static final int WIDTH = 20;

    private SortKey() {
    }

    /** Ascending: smaller values sort first. */
    public static String ascending(long value) {
        String digits = Long.toUnsignedString(value ^ Long.MIN_VALUE);
        return "0".repeat(WIDTH - digits.length()) + digits;
    }

    /** Descending: larger values sort first. */
    public static String descending(long value) {
        return ascending(~value);
    }

    /** The value of an ascending key. */
    public static long valueOf(String key) {
        return Long.parseUnsignedLong(key) ^ Long.MIN_VALUE;
    }
}
