package org.colonyos.colonies.sm.state;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.colonyos.colonies.proto.json.Json;

/**
 * A sorted table of documents keyed by strings, stored as canonical JSON bytes in a MapDB B-tree. Iteration
 * is always in key order, never hash order, so everything derived from it is deterministic.
 *
 * <p><b>Write-back.</b> The snapshots are the durable state and the store only a working copy (see
 * {@code StateFiles}), so what the B-tree holds between snapshots never matters. Writes therefore collect in
 * memory ({@code pending}) and reach the B-tree when the store commits ({@link #writeBack()}), and, one at a
 * time, the oldest when more than the table's pending limit are waiting: a process written three times in its
 * short life costs one B-tree write instead of three, keys that come and go (the assign queue, WAITING and
 * RUNNING entries) never reach it, and the cost of what does is spread over the applies instead of falling on
 * one of them (every replica hits the limit at the same log index, so a batched write stalled the whole cluster
 * at once). A removed key the B-tree does not hold is simply dropped. While the store is frozen for a snapshot
 * export ({@link ColoniesStore#freeze()}) nothing is written back and pending changes may exceed the limit.
 * Reads see the pending changes over the B-tree.
 *
 * <p><b>Mirrored tables</b> ({@link ColoniesStore#mirroredTable}) are in addition held whole in memory, decoded,
 * and read from there: the small, hot indexes of live work and the executors every request authorizes against.
 * MapDB never merges B-tree nodes, so keys deleted at the front of such an index leave empty leaves that every
 * scan from the front would walk again. Reads hand out the stored record itself, which is immutable.
 *
 * <p>A key is read and written through one {@code Table} only. Not synchronised: apply writes under the state's
 * write lock, reads run under its read lock (the lazy load of a mirror is synchronised, as readers may race it).
 *
 * @param <V> the document type (an immutable record)
 */
public final class Table<V> {
    /** Separates the parts of composite keys; sorts before every printable character. */
    public static final char SEPARATOR = '\u0000';
    /**
     * Pending keys per table above which the oldest is written to the B-tree: bounds the memory pending changes
     * take, and holds a change for a minute at 1,000 changes/s, much longer than a process lives between submit
     * and close. It also spares the replay after a crash most B-tree writes: a snapshot interval's entries touch
     * fewer keys per table than this (at 4,096, the replay at 100,000 waiting processes took twice as long).
     * Snapshots export the pending changes over the B-tree without writing them back; the copy a snapshot takes
     * of them pauses apply for some tens of milliseconds at this size.
     */
    static final int DEFAULT_PENDING_LIMIT = 65_536;
    /**
     * The most recent pending changes that keep the document written besides its bytes: a process between
     * submit, assign and close is read back within a few hundred changes, while a document kept for each of
     * the {@link #DEFAULT_PENDING_LIMIT} pending changes would cost some hundreds of megabytes at depth. Older
     * changes decode their bytes when read (and keep the result).
     */
    static final int KEPT_DOCUMENTS = 4_096;
    /** Marks a pending removal (compared by identity). */
    private static final byte[] DELETED = new byte[0];

    private final NavigableMap<String, byte[]> stored;
    private final Class<V> type;
    private final boolean mirrored;
    private final int pendingLimit;
    /** False while a frozen view of the store is being read: the B-tree must not change then. */
    private final BooleanSupplier mayWriteBack;
    /** Changes the B-tree has not received, by key. */
    private final TreeMap<String, Change> pending = new TreeMap<>();
    /** Pending changes, oldest first; also holds superseded ones (not the current change of their key). */
    private final ArrayDeque<Change> age = new ArrayDeque<>();
    /** The changes that keep their document, newest last (at most {@link #KEPT_DOCUMENTS}). */
    private final ArrayDeque<Change> kept = new ArrayDeque<>();
    /** Mirrored tables: the whole content, decoded, loaded at first use and dropped when the store is replaced. */
    private volatile TreeMap<String, V> mirror;

    Table(NavigableMap<String, byte[]> stored, Class<V> type, boolean mirrored, int pendingLimit,
            BooleanSupplier mayWriteBack) {
        this.stored = stored;
        this.type = type;
        this.mirrored = mirrored;
        this.pendingLimit = pendingLimit;
        this.mayWriteBack = mayWriteBack;
    }

    /** The last part of a composite key (index keys end with the id they point to). */
    public static String lastPart(String key) {
        return key.substring(key.lastIndexOf(SEPARATOR) + 1);
    }

    /** A composite key from parts. */
    public static String key(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }

    public Optional<V> get(String key) {
        if (mirrored) {
            return Optional.ofNullable(mirror().get(key));
        }
        Change change = pending.get(key);
        if (change != null) {
            return change.isRemoval() ? Optional.empty() : Optional.of(change.document(type));
        }
        byte[] bytes = stored.get(key);
        return bytes == null ? Optional.empty() : Optional.of(decode(bytes, type));
    }

    /**
     * Stores a document; returns it as written, whose canonical JSON bytes are encoded when first asked for
     * (a reply, the write to the B-tree, a snapshot) and never for a version a later put replaced before anything
     * asked. Reads until the next restart hand out the instance given, which must be exactly what a fresh decode
     * of its bytes gives (the same values, the same map order), so every replica and every restart reads the
     * same: records normalise in their constructors what their JSON shape does not keep. Checked on every write
     * when assertions are enabled, as in the tests. Neither the document nor anything it holds may change
     * afterwards.
     */
    public Written put(String key, V value) {
        assert decodesAs(Json.toBytes(value), value) : "a " + type.getSimpleName() + " does not read back as written: "
                + value;
        if (mirrored) {
            mirror().put(key, value);
        }
        return new Written(pend(key, value), value);
    }

    /**
     * A document as one {@link #put} wrote it. {@link #json()} encodes it at most once per version stored (the
     * bytes are shared with the table), on whichever thread asks first; any thread may ask, at any time later.
     */
    public static final class Written {
        private final Change change;
        private final Object document;

        private Written(Change change, Object document) {
            this.change = change;
            this.document = document;
        }

        /** The canonical JSON bytes of the document (callers must not change them). */
        public byte[] json() {
            return change.bytes(document);
        }
    }

    /**
     * Whether the bytes decode to a document equal to {@code value}, maps in the same order, by the JSON parser
     * and by the decoding reads use.
     */
    private boolean decodesAs(byte[] bytes, V value) {
        V decoded = Json.parse(bytes, type);
        return decoded.equals(value) && decoded.toString().equals(value.toString())
                && decode(bytes, type).equals(decoded);
    }

    public void remove(String key) {
        if (mirrored) {
            mirror().remove(key);
        }
        if (stored.containsKey(key)) {
            pend(key, null);
        } else {
            pending.remove(key);
        }
    }

    /** Adds {@code delta} to the counter stored as text under {@code key} (a String table); 0 removes it. */
    @SuppressWarnings("unchecked")
    void addToCount(String key, int delta) {
        int next = count(key) + delta;
        if (next == 0) {
            remove(key);
        } else {
            put(key, (V) Integer.toString(next));
        }
    }

    /** The counter stored under {@code key} (0 when absent). */
    int count(String key) {
        return get(key).map(value -> Integer.parseInt((String) value)).orElse(0);
    }

    /** The documents whose keys start with {@code prefix + SEPARATOR}, in key order. */
    public List<V> valuesUnder(String prefix) {
        return valuesBetween(prefix + SEPARATOR, prefix + (char) (SEPARATOR + 1));
    }

    /** The keys that start with {@code prefix + SEPARATOR}, in key order, read lazily. */
    public Stream<String> keyStreamUnder(String prefix) {
        return keyStreamBetween(prefix + SEPARATOR, prefix + (char) (SEPARATOR + 1));
    }

    /**
     * The keys in {@code [from, to)}, in key order, read lazily through iterators: {@code Collection.stream()}
     * would ask a MapDB sub-map for its size, which counts every key in the range.
     */
    public Stream<String> keyStreamBetween(String from, String to) {
        Iterator<String> keys = mirrored ? range(mirror(), from, to).keySet().iterator()
                : new KeysOf(rows(from, to, false));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(keys,
                Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL), false);
    }

    /**
     * The keys of a time index (keys that start with {@link SortKey#ascending} of a time) whose time is at or
     * before {@code unixNanos}, earliest first, read lazily.
     */
    public Stream<String> keysUpTo(long unixNanos) {
        return keyStreamBetween("", SortKey.ascending(unixNanos) + (char) 1);
    }

    /** Every document, in key order. */
    public List<V> values() {
        return valuesBetween("", null);
    }

    private List<V> valuesBetween(String from, String to) {
        if (mirrored) {
            return new ArrayList<>(range(mirror(), from, to).values());
        }
        List<V> out = new ArrayList<>();
        rows(from, to, true).forEachRemaining(row -> out.add(decode(row.getValue(), type)));
        return out;
    }

    /** Hands the pending changes to the B-tree (the store is about to commit). */
    void writeBack() {
        pending.values().forEach(this::store);
        pending.clear();
        age.clear();
        kept.clear();
    }

    /**
     * This table's pending changes as they are now (a copy), to be laid over its stored rows. The changes not yet
     * encoded are all among the {@code kept} ones; the view holds their documents, which apply may let go of
     * while the view is read, and encodes them into the changes themselves (a kept change that is no longer
     * current is held too, and never read).
     */
    Overlay freeze() {
        Map<Change, Object> documents = new IdentityHashMap<>();
        for (Change change : kept) {
            if (!change.isEncoded()) {
                documents.put(change, change.document);
            }
        }
        return new Overlay(stored, new TreeMap<>(pending), documents);
    }

    /**
     * A table's pending changes copied at one moment. Immutable, so any thread may read it; laid over the
     * B-tree's rows it gives the table as it was then, as long as the B-tree has not changed since.
     */
    static final class Overlay {
        private final NavigableMap<String, byte[]> stored;
        private final TreeMap<String, Change> changes;
        /** The changes not yet encoded when the view was made, each with its document then. */
        private final Map<Change, Object> documents;

        private Overlay(NavigableMap<String, byte[]> stored, TreeMap<String, Change> changes,
                Map<Change, Object> documents) {
            this.stored = stored;
            this.changes = changes;
            this.documents = documents;
        }

        /** Whether these are changes to {@code map} (other tables may share the map, with other keys). */
        boolean isOver(NavigableMap<String, byte[]> map) {
            return stored == map;
        }

        /** The changes laid over {@code rows} (rows of the stored map, in key order). */
        Iterator<Map.Entry<String, byte[]>> over(Iterator<Map.Entry<String, byte[]>> rows) {
            return new Merged(changes.values().iterator(), rows, change -> change.bytes(documents.get(change)));
        }
    }

    /** Records a put of {@code value}, or a removal when it is null. */
    private Change pend(String key, V value) {
        Change change = new Change(key, value == null ? DELETED : null, value);
        pending.put(key, change);
        age.addLast(change);
        if (value != null) {
            kept.addLast(change);
            if (kept.size() > KEPT_DOCUMENTS) {
                Change oldest = kept.removeFirst();
                oldest.forget(pending.get(oldest.key()) == oldest);
            }
        }
        while (pending.size() > pendingLimit && mayWriteBack.getAsBoolean()) {
            Change oldest = age.removeFirst();
            if (pending.get(oldest.key()) == oldest) {
                pending.remove(oldest.key());
                store(oldest);
            }
        }
        if (age.size() > 2 * pending.size() + pendingLimit) {
            age.removeIf(superseded -> pending.get(superseded.key()) != superseded);
        }
        return change;
    }

    private void store(Change change) {
        if (change.isRemoval()) {
            stored.remove(change.key());
        } else {
            stored.put(change.key(), change.bytes());
        }
    }

    /** A mirrored table reads its content into memory now, if it has not yet; other tables do nothing. */
    void loadMirror() {
        if (mirrored) {
            mirror();
        }
    }

    private TreeMap<String, V> mirror() {
        TreeMap<String, V> current = mirror;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (mirror == null) {
                TreeMap<String, V> loaded = new TreeMap<>();
                rows("", null, true).forEachRemaining(row ->
                        loaded.put(row.getKey(), decode(row.getValue(), type)));
                mirror = loaded;
            }
            return mirror;
        }
    }

    /**
     * A stored document. Strings (the values of the indexes) skip the JSON parser when they hold no escape: their
     * canonical JSON is then the text in quotes, byte for byte.
     */
    private static <T> T decode(byte[] bytes, Class<T> type) {
        if (type == String.class && isPlainJsonString(bytes)) {
            return type.cast(new String(bytes, 1, bytes.length - 2, StandardCharsets.UTF_8));
        }
        return Json.parse(bytes, type);
    }

    private static boolean isPlainJsonString(byte[] bytes) {
        int last = bytes.length - 1;
        if (last < 1 || bytes[0] != '"' || bytes[last] != '"') {
            return false;
        }
        for (int i = 1; i < last; i++) {
            if (bytes[i] == '\\' || bytes[i] == '"') {
                return false;
            }
        }
        return true;
    }

    /**
     * The stored rows in {@code [from, to)} ({@code to} null: to the end) with the pending changes laid over
     * them, in key order; without
     * {@code values}, stored rows come with null values (MapDB then reads no value records).
     */
    private Iterator<Map.Entry<String, byte[]>> rows(String from, String to, boolean values) {
        NavigableMap<String, byte[]> storedRange = range(stored, from, to);
        Iterator<Map.Entry<String, byte[]>> storedRows = values ? storedRange.entrySet().iterator()
                : new KeysOnly(storedRange.keySet().iterator());
        return new Merged(range(pending, from, to).values().iterator(), storedRows,
                values ? Change::bytes : change -> null);
    }

    /**
     * A change the B-tree has not received: the new document of a key, or a removal ({@link #DELETED} bytes).
     * Compared by identity: {@code age} may still hold a change its key has since replaced. A document's bytes
     * are encoded when first needed; until then the change holds the document, which it keeps while among the
     * {@link #KEPT_DOCUMENTS} newest changes. Leaving them, the change encodes the document if it is still its
     * key's current one (a replaced one is never read again) and lets it go; a read after that decodes the bytes
     * and keeps the result. Both are what a fresh decode gives (see {@link Table#put}). Any thread may encode
     * or decode (reads run under the read lock, snapshots on their own thread): a racing second result is equal,
     * and the bytes are always set before the document is let go.
     */
    private static final class Change {
        private final String key;
        private volatile byte[] bytes;
        private volatile Object document;

        Change(String key, byte[] bytes, Object document) {
            this.key = key;
            this.bytes = bytes;
            this.document = document;
        }

        String key() {
            return key;
        }

        boolean isEncoded() {
            return bytes != null;
        }

        boolean isRemoval() {
            return bytes == DELETED;
        }

        byte[] bytes() {
            return bytes(document);
        }

        /** The bytes, encoded from {@code written} (this change's document; may be null once they are) if need be. */
        byte[] bytes(Object written) {
            byte[] encoded = bytes;
            if (encoded == null) {
                encoded = Json.toBytes(written);
                bytes = encoded;
            }
            return encoded;
        }

        <T> T document(Class<T> type) {
            Object value = document;
            if (value == null) {
                value = decode(bytes, type);
                document = value;
            }
            return type.cast(value);
        }

        /** Lets go of the document, first encoding it if it is the {@code current} change of its key. */
        void forget(boolean current) {
            if (current) {
                bytes();
            }
            document = null;
        }
    }

    /** The keys of rows. */
    private record KeysOf(Iterator<Map.Entry<String, byte[]>> rows) implements Iterator<String> {
        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public String next() {
            return rows.next().getKey();
        }
    }

    /** Keys as entries with null values. */
    private record KeysOnly(Iterator<String> keys) implements Iterator<Map.Entry<String, byte[]>> {
        @Override
        public boolean hasNext() {
            return keys.hasNext();
        }

        @Override
        public Map.Entry<String, byte[]> next() {
            return new AbstractMap.SimpleImmutableEntry<>(keys.next(), null);
        }
    }

    private static <T> NavigableMap<String, T> range(NavigableMap<String, T> map, String from, String to) {
        return to == null ? map.tailMap(from, true) : map.subMap(from, true, to, false);
    }

    /**
     * Pending changes laid over stored rows: a pending key replaces the stored one, a removal hides it. A
     * change's value is {@code valueOf} it (null for keys only, when nothing is encoded).
     */
    private static final class Merged implements Iterator<Map.Entry<String, byte[]>> {
        private final Iterator<Change> changes;
        private final Iterator<Map.Entry<String, byte[]>> rows;
        private final Function<Change, byte[]> valueOf;
        private Change change;
        private Map.Entry<String, byte[]> row;
        private Map.Entry<String, byte[]> next;

        Merged(Iterator<Change> changes, Iterator<Map.Entry<String, byte[]>> rows, Function<Change, byte[]> valueOf) {
            this.changes = changes;
            this.rows = rows;
            this.valueOf = valueOf;
            this.change = changes.hasNext() ? changes.next() : null;
            this.row = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (next == null && (change != null || row != null)) {
                int order = change == null ? 1 : row == null ? -1 : change.key().compareTo(row.getKey());
                if (order <= 0) {
                    next = change.isRemoval() ? null
                            : new AbstractMap.SimpleImmutableEntry<>(change.key(), valueOf.apply(change));
                    change = changes.hasNext() ? changes.next() : null;
                    if (order == 0) {
                        row = rows.hasNext() ? rows.next() : null;
                    }
                } else {
                    next = row;
                    row = rows.hasNext() ? rows.next() : null;
                }
            }
            return next != null;
        }

        @Override
        public Map.Entry<String, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<String, byte[]> out = next;
            next = null;
            return out;
        }
    }
}
