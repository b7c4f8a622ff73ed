package org.colonyos.colonies.sm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DBMaker;

/**
 * Tables collect writes in memory and hand them to MapDB when the store commits or exports: reads, range scans,
 * digests and exports see them all the same, a reopened store has exactly what was committed, and a clear or
 * import drops what MapDB never received. Checked for plain and mirrored tables.
 */
class WriteBackTableTest {
    private static final String NAME = "process_queue";
    private static final List<BiFunction<ColoniesStore, String, Table<String>>> KINDS = List.of(
            (store, name) -> store.table(name, String.class), (store, name) -> store.mirroredTable(name, String.class));

    @TempDir
    Path dir;

    private static List<String> keys(Table<String> table) {
        return table.keyStreamBetween("", "\uffff").toList();
    }

    private static List<String> stored(ColoniesStore store) {
        return new ArrayList<>(store.raw(NAME).keySet());
    }

    @Test
    void changesReachMapDbAtCommitAndSurviveAReopen() {
        for (int kind = 0; kind < KINDS.size(); kind++) {
            File file = dir.resolve("store-" + kind + ".db").toFile();
            try (ColoniesStore store = new ColoniesStore(DBMaker.fileDB(file).transactionEnable().make())) {
                Table<String> table = KINDS.get(kind).apply(store, NAME);
                table.put("a", "1");
                table.put("b", "2");
                store.commit();
                table.remove("a");
                table.put("c", "3");
                table.put("b", "4");
                assertEquals(List.of("b", "c"), keys(table));
                assertEquals(Optional.of("4"), table.get("b"));
                assertEquals(Optional.empty(), table.get("a"));
                assertEquals(List.of("a", "b"), stored(store), "MapDB receives the changes only at commit");
                store.commit();
                assertEquals(List.of("b", "c"), stored(store));
                table.put("d", "5");
            }
            try (ColoniesStore reopened = new ColoniesStore(DBMaker.fileDB(file).transactionEnable().make())) {
                Table<String> table = KINDS.get(kind).apply(reopened, NAME);
                assertEquals(List.of("b", "c"), keys(table), "the uncommitted d is gone");
                assertEquals(List.of("4", "3"), table.values());
            }
        }
    }

    @Test
    void digestAndExportSeePendingChanges() throws IOException {
        for (BiFunction<ColoniesStore, String, Table<String>> kind : KINDS) {
            ColoniesStore store = ColoniesStore.inMemory();
            Table<String> table = kind.apply(store, NAME);
            String empty = store.digest();
            table.put("x", "1");
            String withX = store.digest();
            assertNotEquals(empty, withX, "the digest changes with a pending write");
            ColoniesStore copy = ColoniesStore.inMemory();
            copy.importFrom(new DataInputStream(new ByteArrayInputStream(export(store))));
            assertEquals(withX, copy.digest());
            assertEquals(List.of("x"), keys(kind.apply(copy, NAME)));
        }
    }

    @Test
    void anImportDropsChangesMapDbNeverReceived() throws IOException {
        for (BiFunction<ColoniesStore, String, Table<String>> kind : KINDS) {
            ColoniesStore source = ColoniesStore.inMemory();
            kind.apply(source, NAME).put("y", "");
            ColoniesStore store = ColoniesStore.inMemory();
            Table<String> table = kind.apply(store, NAME);
            table.put("x", "");
            store.importFrom(new DataInputStream(new ByteArrayInputStream(export(source))));
            assertEquals(List.of("y"), keys(table));
            store.commit();
            assertEquals(List.of("y"), stored(store), "the uncommitted x must not come back");
        }
    }

    @Test
    void readsAlwaysAgreeWithAPlainSortedMap() {
        qt().withExamples(150).withFixedSeed(11L)
                .forAll(lists().of(integers().between(0, 4_000)).ofSizeBetween(1, 400), booleans().all())
                .checkAssert((operations, mirrored) -> {
                    Model model = new Model(mirrored);
                    for (int op : operations) {
                        model.apply(op);
                        String probe = key(op / 9);
                        assertEquals(Optional.ofNullable(model.expected.get(probe)), model.table.get(probe));
                    }
                    assertEquals(new ArrayList<>(model.expected.keySet()), keys(model.table));
                    assertEquals(new ArrayList<>(model.expected.subMap("k1", true, "k5", false).keySet()),
                            model.table.keyStreamBetween("k1", "k5").toList());
                    assertEquals(new ArrayList<>(model.expected.values()), model.table.values());
                    model.finishSnapshot();
                    model.store.commit();
                    assertEquals(new ArrayList<>(model.expected.keySet()), stored(model.store));
                });
    }

    /**
     * The threads of a real node: "apply" (this thread) writes and reads all the time while snapshot threads
     * write frozen states to a file-backed, memory-mapped MapDB, export and commit them. Every read must still
     * see exactly what was written, and every snapshot exactly the state at its freeze.
     */
    @Test
    void snapshotsWrittenBesideApplyNeverChangeWhatApplyReads() throws Exception {
        File file = dir.resolve("concurrent.db").toFile();
        ExecutorService snapshotThread = Executors.newSingleThreadExecutor();
        try (ColoniesStore store = new ColoniesStore(DBMaker.fileDB(file).transactionEnable()
                .fileMmapEnableIfSupported().make())) {
            Table<String> table = store.table(NAME, String.class);
            TreeMap<String, String> expected = new TreeMap<>();
            Future<List<String>> snapshot = null;
            TreeMap<String, String> atFreeze = null;
            int completed = 0;
            Random random = new Random(5);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (int op = 0; completed < 5 && System.nanoTime() < deadline; op++) {
                String key = "k" + random.nextInt(3_000);
                if (random.nextInt(4) == 0) {
                    table.remove(key);
                    expected.remove(key);
                } else {
                    table.put(key, "v" + op);
                    expected.put(key, "v" + op);
                }
                assertEquals(Optional.ofNullable(expected.get(key)), table.get(key));
                if (snapshot == null && op % 200 == 0) {
                    store.freeze();
                    atFreeze = new TreeMap<>(expected);
                    snapshot = snapshotThread.submit(() -> exportFrozenKeys(store));
                } else if (snapshot != null && snapshot.isDone()) {
                    assertEquals(new ArrayList<>(atFreeze.keySet()), snapshot.get());
                    snapshot = null;
                    completed++;
                }
            }
            if (snapshot != null) {
                assertEquals(new ArrayList<>(atFreeze.keySet()), snapshot.get());
            }
            assertTrue(completed >= 5, "only " + completed + " snapshots completed in 20 s");
            assertEquals(new ArrayList<>(expected.keySet()), keys(table));
        } finally {
            snapshotThread.shutdownNow();
        }
    }

    private static List<String> exportFrozenKeys(ColoniesStore store) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.exportFrozen(new DataOutputStream(bytes));
        store.commitFrozen();
        ColoniesStore copy = ColoniesStore.inMemory();
        copy.importFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return keys(copy.table(NAME, String.class));
    }

    /**
     * A table driven by numbered operations beside a sorted map: puts and removes over 60 keys, commits, and
     * snapshots written beside apply (freeze, then later export, commit and thaw, or a failure that folds back).
     */
    private static final class Model {
        final ColoniesStore store = ColoniesStore.inMemory();
        final Table<String> table;
        final TreeMap<String, String> expected = new TreeMap<>();
        TreeMap<String, String> atFreeze;
        int snapshots;

        Model(boolean mirrored) {
            table = KINDS.get(mirrored ? 1 : 0).apply(store, NAME);
        }

        void apply(int op) {
            String key = key(op / 9);
            switch (op % 9) {
                case 0, 1, 2 -> {
                    table.put(key, "v" + op);
                    expected.put(key, "v" + op);
                }
                case 3, 4, 5 -> {
                    table.remove(key);
                    expected.remove(key);
                }
                case 6 -> {
                    if (atFreeze == null) {
                        store.commit();
                    }
                }
                case 7 -> {
                    if (atFreeze == null) {
                        store.freeze();
                        atFreeze = new TreeMap<>(expected);
                    }
                }
                default -> finishSnapshot();
            }
        }

        /** Completes a frozen snapshot (every third one fails and folds back); it must hold the frozen state. */
        void finishSnapshot() {
            if (atFreeze == null) {
                return;
            }
            if (++snapshots % 3 == 0) {
                store.unfreeze();
            } else {
                try {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    store.exportFrozen(new DataOutputStream(bytes));
                    ColoniesStore copy = ColoniesStore.inMemory();
                    copy.importFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                    Table<String> exported = copy.table(NAME, String.class);
                    assertEquals(new ArrayList<>(atFreeze.keySet()), keys(exported), "the snapshot is the frozen state");
                    assertEquals(new ArrayList<>(atFreeze.values()), exported.values());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                store.commitFrozen();
            }
            atFreeze = null;
        }
    }

    private static String key(int n) {
        return "k" + (n % 60);
    }

    private static byte[] export(ColoniesStore store) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            store.exportTo(out);
        }
        return bytes.toByteArray();
    }
}
