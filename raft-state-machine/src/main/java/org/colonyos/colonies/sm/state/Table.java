package org.colonyos.colonies.sm.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.stream.Stream;
import org.colonyos.colonies.proto.json.Json;

/**
 * A sorted table of documents keyed by strings, stored as canonical JSON bytes in a MapDB B-tree. Iteration
 * is always in key order, never hash order, so everything derived from it is deterministic.
 *
 * <p>Not synchronised: callers hold the state lock (apply writes under the write lock, reads under the read
 * lock).
 *
 * @param <V> the document type (an immutable record)
 */
public final class Table<V> {
    /** Separates the parts of composite keys; sorts before every printable character. */
    public static final char SEPARATOR = '\u0000';

    private final NavigableMap<String, byte[]> map;
    private final Class<V> type;

    Table(NavigableMap<String, byte[]> map, Class<V> type) {
        this.map = map;
        this.type = type;
    }

    /** The last part of a composite key (index keys end with the id they point to). */
    public static String lastPart(String key) {
        return key.substring(key.lastIndexOf(SEPARATOR) + 1);
    }

    /** Adds {@code delta} to the counter stored as text under {@code key}; a counter at 0 is removed. */
    void addToCount(String key, int delta) {
        int next = count(key) + delta;
        if (next == 0) {
            map.remove(key);
        } else {
            map.put(key, Json.toBytes(Integer.toString(next)));
        }
    }

    /** The counter stored under {@code key} (0 when absent). */
    int count(String key) {
        byte[] bytes = map.get(key);
        return bytes == null ? 0 : Integer.parseInt(Json.parse(bytes, String.class));
    }

    /** A composite key from parts. */
    public static String key(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }

    public Optional<V> get(String key) {
        byte[] bytes = map.get(key);
        return bytes == null ? Optional.empty() : Optional.of(Json.parse(bytes, type));
    }

    public void put(String key, V value) {
        map.put(key, Json.toBytes(value));
    }

    public void remove(String key) {
        map.remove(key);
    }

    /** The documents whose keys start with {@code prefix + SEPARATOR}, in key order. */
    public List<V> valuesUnder(String prefix) {
        List<V> out = new ArrayList<>();
        for (byte[] bytes : under(prefix).values()) {
            out.add(Json.parse(bytes, type));
        }
        return out;
    }

    /** The keys that start with {@code prefix + SEPARATOR}, in key order, read lazily. */
    public Stream<String> keyStreamUnder(String prefix) {
        return under(prefix).keySet().stream();
    }

    /** The keys in {@code [from, to)}, in key order, read lazily. */
    public Stream<String> keyStreamBetween(String from, String to) {
        return map.subMap(from, true, to, false).keySet().stream();
    }

    /** Every document, in key order. */
    public List<V> values() {
        List<V> out = new ArrayList<>();
        for (byte[] bytes : map.values()) {
            out.add(Json.parse(bytes, type));
        }
        return out;
    }

    private Map<String, byte[]> under(String prefix) {
        String from = prefix + SEPARATOR;
        return map.subMap(from, true, prefix + (char) (SEPARATOR + 1), false);
    }
}
