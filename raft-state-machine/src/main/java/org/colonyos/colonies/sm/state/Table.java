package org.colonyos.colonies.sm.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
    /** For mirrored tables: the store whose generation tells when the mirror is stale; else null. */
    private final ColoniesStore mirrorOf;
    private volatile TreeMap<String, byte[]> mirror;
    private volatile int mirrorGeneration;
    /** For mirrored tables: keys written to the mirror since the store last received them. */
    private final SortedSet<String> unflushed = new TreeSet<>();

    Table(NavigableMap<String, byte[]> map, Class<V> type) {
        this(map, type, null);
    }

    private Table(NavigableMap<String, byte[]> map, Class<V> type, ColoniesStore mirrorOf) {
        this.map = map;
        this.type = type;
        this.mirrorOf = mirrorOf;
    }

    /**
     * A table of the store that is kept in memory, read from there and written back to the store only when the
     * store commits (see {@link ColoniesStore#commit()}): for the small, hot indexes of live work (assign queue,
     * deadlines, running processes, liveness, counters) that change with every entry. The store is committed
     * only with a snapshot, so what it holds between snapshots never matters; a write-back there saves a B-tree
     * node rewrite per change. MapDB also never merges B-tree nodes, so keys deleted at the front of such an
     * index would leave empty leaves that every range scan from the front walks again. The mirror is loaded at
     * first use, and again after the store was cleared or imported.
     */
    static <V> Table<V> mirrored(ColoniesStore store, String name, Class<V> type) {
        Table<V> table = new Table<>(store.raw(name), type, store);
        store.writeBackOnCommit(name, table);
        return table;
    }

    /** The map to read: the mirror (loaded when missing or stale) or the store itself. */
    private NavigableMap<String, byte[]> reads() {
        if (mirrorOf == null) {
            return map;
        }
        TreeMap<String, byte[]> current = currentMirror();
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (mirror == null || mirrorGeneration != mirrorOf.generation()) {
                mirrorGeneration = mirrorOf.generation();
                mirror = new TreeMap<>(map);
                unflushed.clear();
            }
            return mirror;
        }
    }

    /** The table's content as reads see it (the mirror of a mirrored table), for digests and exports. */
    NavigableMap<String, byte[]> view() {
        return reads();
    }

    /**
     * Hands the mirror's changes since the last call to the store (a mirrored table; a no-op for others). The
     * caller holds the write lock: the store is about to commit.
     */
    void writeBack() {
        TreeMap<String, byte[]> current = currentMirror();
        if (current != null) {
            for (String key : unflushed) {
                byte[] value = current.get(key);
                if (value == null) {
                    map.remove(key);
                } else {
                    map.put(key, value);
                }
            }
        }
        unflushed.clear();
    }

    /** The mirror to keep in step with a write, or null when there is none or it will be reloaded anyway. */
    private TreeMap<String, byte[]> currentMirror() {
        TreeMap<String, byte[]> current = mirror;
        return current != null && mirrorGeneration == mirrorOf.generation() ? current : null;
    }

    private void write(String key, byte[] value) {
        if (mirrorOf == null) {
            map.put(key, value);
        } else {
            reads().put(key, value);
            unflushed.add(key);
        }
    }

    /** The last part of a composite key (index keys end with the id they point to). */
    public static String lastPart(String key) {
        return key.substring(key.lastIndexOf(SEPARATOR) + 1);
    }

    /** Adds {@code delta} to the counter stored as text under {@code key}; a counter at 0 is removed. */
    void addToCount(String key, int delta) {
        int next = count(key) + delta;
        if (next == 0) {
            remove(key);
        } else {
            write(key, Json.toBytes(Integer.toString(next)));
        }
    }

    /** The counter stored under {@code key} (0 when absent). */
    int count(String key) {
        byte[] bytes = reads().get(key);
        return bytes == null ? 0 : Integer.parseInt(Json.parse(bytes, String.class));
    }

    /** A composite key from parts. */
    public static String key(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }

    public Optional<V> get(String key) {
        byte[] bytes = reads().get(key);
        return bytes == null ? Optional.empty() : Optional.of(Json.parse(bytes, type));
    }

    public void put(String key, V value) {
        write(key, Json.toBytes(value));
    }

    public void remove(String key) {
        if (mirrorOf == null) {
            map.remove(key);
        } else {
            reads().remove(key);
            unflushed.add(key);
        }
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
        return lazily(under(prefix).keySet());
    }

    /** The keys in {@code [from, to)}, in key order, read lazily. */
    public Stream<String> keyStreamBetween(String from, String to) {
        return lazily(reads().subMap(from, true, to, false).keySet());
    }

    /**
     * Streams keys through their iterator only: {@code Collection.stream()} would ask a MapDB sub-map for its
     * size, which counts every key in the range (measured: a third of apply's time in the assign scheduler).
     */
    private static Stream<String> lazily(Set<String> keys) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(keys.iterator(),
                Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL), false);
    }

    /** Every document, in key order. */
    public List<V> values() {
        List<V> out = new ArrayList<>();
        for (byte[] bytes : reads().values()) {
            out.add(Json.parse(bytes, type));
        }
        return out;
    }

    private Map<String, byte[]> under(String prefix) {
        String from = prefix + SEPARATOR;
        return reads().subMap(from, true, prefix + (char) (SEPARATOR + 1), false);
    }
}
