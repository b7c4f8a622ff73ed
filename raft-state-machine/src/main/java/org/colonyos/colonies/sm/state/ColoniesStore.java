package org.colonyos.colonies.sm.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * The materialised state in MapDB: named sorted tables of {@code String -> byte[]} inside one DB (file-backed
 * and without transactions in production: the snapshots are what is durable, see {@code StateFiles}).
 * {@link #commit()} writes the pending changes and makes MapDB durable; it is used when a store is closed at a
 * snapshot.
 *
 * <p>Not synchronised (MapDB gives no isolation): the state machine's read/write lock guards every use, except
 * a {@link FrozenState}, which the snapshot thread reads while MapDB is left unchanged.
 */
public final class ColoniesStore implements AutoCloseable {
    /**
     * Snapshot export format version: 2 ends each table's rows with a -1 length (the rows are read with the
     * pending changes laid over MapDB, so their number is not known up front); 1 gave the count first.
     */
    public static final int EXPORT_VERSION = 2;
    private static final int COUNTED_EXPORT_VERSION = 1;
    private static final int END_OF_ROWS = -1;
    /** Every table, in the fixed order used by digests and snapshots. Append new tables at the end. */
    static final List<String> TABLES = List.of("applied", "meta", "colonies", "executors", "executor_ids", "users",
            "user_ids", "processes", "process_queue", "process_by_state", "process_by_submission",
            "process_deadlines", "process_by_executor", "attribute_ids", "process_counters", "logs", "logs_by_process",
            "logs_by_executor", "logs_by_colony", "log_counters", "functions", "function_ids", "executor_liveness",
            "process_graphs", "graphs_by_state", "graph_counters", "graph_members", "crons", "cron_names", "cron_due",
            "generators", "generator_names", "generator_args", "generator_counts", "generator_due", "files",
            "file_revisions", "file_latest", "file_labels", "file_counters", "cfs_snapshots", "cfs_snapshot_names",
            "cfs_snapshots_by_time", "locations", "channel_entries", "channel_sizes", "channel_rates",
            "blueprint_definitions", "blueprints", "blueprint_ids", "blueprint_history");
    /** Log bookkeeping (applied index and term): exported with snapshots, but not part of the state digest. */
    static final String BOOKKEEPING = "applied";
    /**
     * Tables of whole documents: their values live outside the B-tree nodes, so a put rewrites one record and a
     * node of keys instead of a node holding ~32 documents (measured: most of apply's time before).
     */
    private static final Set<String> DOCUMENT_TABLES = Set.of("colonies", "executors", "users", "processes", "logs",
            "functions", "process_graphs", "crons", "generators", "files", "cfs_snapshots", "channel_entries");
    private static final byte[] MAGIC = "CLNYSNAP".getBytes(StandardCharsets.US_ASCII);

    private final DB db;
    private final int pendingLimit;
    private final Map<String, BTreeMap<String, byte[]>> tables = new TreeMap<>();
    /** Every table handed out, in creation order: their pending changes reach MapDB at commit and export. */
    private final List<Table<?>> handedOut = new ArrayList<>();
    /** True while a {@link FrozenState} of this store is read: MapDB must not change then. */
    private volatile boolean frozen;

    /** A store over an open MapDB (file-backed in production: see {@code StateFiles}). */
    public ColoniesStore(DB db) {
        this(db, Table.DEFAULT_PENDING_LIMIT);
    }

    /** A store whose tables keep at most {@code pendingLimit} changes each from MapDB (see {@link Table}). */
    ColoniesStore(DB db, int pendingLimit) {
        this(db, pendingLimit, Map.of());
    }

    private ColoniesStore(DB db, int pendingLimit, Map<String, BTreeMap<String, byte[]>> built) {
        this.db = db;
        this.pendingLimit = pendingLimit;
        for (String name : TABLES) {
            BTreeMap<String, byte[]> table = built.get(name);
            tables.put(name, table != null ? table : maker(db, name).createOrOpen());
        }
    }

    private static DB.TreeMapMaker<String, byte[]> maker(DB db, String name) {
        DB.TreeMapMaker<String, byte[]> maker = db.treeMap(name, StringKeySerializer.INSTANCE, Serializer.BYTE_ARRAY);
        return DOCUMENT_TABLES.contains(name) ? maker.valuesOutsideNodesEnable() : maker;
    }

    /**
     * A store over an empty MapDB, built from an export in one pass: each table's B-tree is written bottom up from
     * the export's rows, which come in key order (MapDB's bulk loader), instead of by one insert per row.
     */
    public static ColoniesStore fromExport(DB db, DataInputStream in) throws IOException {
        int version = readHeader(in);
        Map<String, BTreeMap<String, byte[]>> built = new TreeMap<>();
        int count = in.readInt();
        for (int t = 0; t < count; t++) {
            String name = new String(readBytes(in), StandardCharsets.UTF_8);
            if (!TABLES.contains(name) || built.containsKey(name)) {
                throw new IOException("corrupt snapshot: unknown or repeated table " + name);
            }
            DB.TreeMapSink<String, byte[]> sink = maker(db, name).createFromSink();
            readRows(in, version, sink::put);
            built.put(name, sink.create());
        }
        return new ColoniesStore(db, Table.DEFAULT_PENDING_LIMIT, built);
    }

    /** A store in memory (tests and tools). */
    public static ColoniesStore inMemory() {
        return new ColoniesStore(DBMaker.memoryDB().make());
    }

    /** The typed table over a stored one (see {@link Table} for its write-back). */
    <V> Table<V> table(String name, Class<V> type) {
        return register(new Table<>(raw(name), type, false, pendingLimit, this::mayWriteBack));
    }

    /** A table also held whole in memory: for the small, hot indexes of live work (see {@link Table}). */
    <V> Table<V> mirroredTable(String name, Class<V> type) {
        return register(new Table<>(raw(name), type, true, pendingLimit, this::mayWriteBack));
    }

    private <V> Table<V> register(Table<V> table) {
        handedOut.add(table);
        return table;
    }

    /**
     * Reads every mirrored table into memory now instead of at its first use (after a start, before apply needs
     * them). Caller holds the write lock, or no other thread uses the store yet.
     */
    public void loadMirrors() {
        handedOut.forEach(Table::loadMirror);
    }

    /** Writes every table's pending changes to MapDB. Caller holds the write lock. */
    private void writeBack() {
        requireNotFrozen();
        handedOut.forEach(Table::writeBack);
    }

    private boolean mayWriteBack() {
        return !frozen;
    }

    private void requireNotFrozen() {
        if (frozen) {
            throw new IllegalStateException("MapDB must not change while a frozen view of it is read");
        }
    }

    /**
     * The state as it is now, to be exported on another thread while apply goes on: every table's pending
     * changes are copied, and until the view is closed MapDB is not written (tables keep their changes
     * pending, past their limit if need be; write-back is refused). Caller holds the write
     * lock; one view at a time.
     */
    public FrozenState freeze() {
        requireNotFrozen();
        FrozenState view = new FrozenState(this, overlays());
        frozen = true;
        return view;
    }

    /** Ends a freeze (called by the view's close, on any thread). */
    void thaw() {
        frozen = false;
    }

    private List<Table.Overlay> overlays() {
        return handedOut.stream().map(Table::freeze).toList();
    }

    NavigableMap<String, byte[]> raw(String table) {
        NavigableMap<String, byte[]> map = tables.get(table);
        if (map == null) {
            throw new IllegalArgumentException("no table " + table);
        }
        return map;
    }

    /** Makes every write so far durable, pending ones included. Caller holds the write lock. */
    public void commit() {
        writeBack();
        db.commit();
    }

    /**
     * SHA-256 over every table but the log bookkeeping, in fixed order: equal digests mean equal replicated
     * states, whatever entries without commands (leader no-ops, configurations) the logs held. Reads only (the
     * pending changes laid over MapDB), so the read lock is enough.
     */
    public String digest() {
        List<Table.Overlay> overlays = overlays();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : TABLES) {
                if (name.equals(BOOKKEEPING)) {
                    continue;
                }
                update(sha, name.getBytes(StandardCharsets.UTF_8));
                for (Iterator<Map.Entry<String, byte[]>> rows = rows(name, overlays); rows.hasNext(); ) {
                    Map.Entry<String, byte[]> entry = rows.next();
                    update(sha, entry.getKey().getBytes(StandardCharsets.UTF_8));
                    update(sha, entry.getValue());
                }
            }
            return org.colonyos.colonies.proto.crypto.Hex.encode(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, byte[] bytes) {
        sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
            (byte) (bytes.length >>> 8), (byte) bytes.length});
        sha.update(bytes);
    }

    /**
     * Writes every table, MapDB's rows with {@code overlays} laid over them, in fixed order and key order, so
     * equal states export byte-identical streams (see {@link FrozenState#exportTo}). Reads only.
     */
    void exportTo(DataOutputStream out, List<Table.Overlay> overlays) throws IOException {
        out.write(MAGIC);
        out.writeInt(EXPORT_VERSION);
        out.writeInt(TABLES.size());
        for (String name : TABLES) {
            writeBytes(out, name.getBytes(StandardCharsets.UTF_8));
            for (Iterator<Map.Entry<String, byte[]>> rows = rows(name, overlays); rows.hasNext(); ) {
                Map.Entry<String, byte[]> entry = rows.next();
                writeBytes(out, entry.getKey().getBytes(StandardCharsets.UTF_8));
                writeBytes(out, entry.getValue());
            }
            out.writeInt(END_OF_ROWS);
        }
    }

    /** The rows of a stored table with the overlays of the tables over it laid over MapDB's rows. */
    private Iterator<Map.Entry<String, byte[]>> rows(String name, List<Table.Overlay> overlays) {
        BTreeMap<String, byte[]> stored = tables.get(name);
        Iterator<Map.Entry<String, byte[]>> rows = stored.entrySet().iterator();
        for (Table.Overlay overlay : overlays) {
            if (overlay.isOver(stored)) {
                rows = overlay.over(rows);
            }
        }
        return rows;
    }

    private static int readHeader(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a colonies snapshot");
        }
        int version = in.readInt();
        if (version != EXPORT_VERSION && version != COUNTED_EXPORT_VERSION) {
            throw new IOException("unsupported snapshot format " + version);
        }
        return version;
    }

    /** Where {@link #readRows} hands each row of a table. */
    private interface RowSink {
        void put(String key, byte[] value);
    }

    private static void readRows(DataInputStream in, int version, RowSink sink) throws IOException {
        if (version == COUNTED_EXPORT_VERSION) {
            long entries = in.readLong();
            for (long i = 0; i < entries; i++) {
                sink.put(new String(readBytes(in), StandardCharsets.UTF_8), readBytes(in));
            }
            return;
        }
        for (int length = in.readInt(); length != END_OF_ROWS; length = in.readInt()) {
            sink.put(new String(readBytes(in, length), StandardCharsets.UTF_8), readBytes(in));
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return readBytes(in, in.readInt());
    }

    private static byte[] readBytes(DataInputStream in, int length) throws IOException {
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new IOException("corrupt snapshot: field length " + length);
        }
        return in.readNBytes(length);
    }

    @Override
    public void close() {
        if (!db.isClosed()) {
            db.close();
        }
    }
}
