package org.colonyos.colonies.sm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.colonyos.colonies.sm.state.StoreProbes.export;
import static org.colonyos.colonies.sm.state.StoreProbes.importedCopy;
import static org.colonyos.colonies.sm.state.StoreProbes.keysMapDbLacks;
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
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.colonyos.colonies.proto.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DBMaker;

/**
 * Tables collect writes in memory and hand them to MapDB when the store commits: reads, range scans, digests
 * and exports see them all the same (digests and exports without writing them back), a reopened store has
 * exactly what was committed, and a clear or import drops what MapDB never received. Checked for plain and
 * mirrored tables.
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

    /**
     * Text values read back exactly as written once they come from MapDB (reads of a plain table, a mirror
     * loaded from MapDB), whether or not their JSON needs escapes: reads decode plain JSON strings without the
     * parser, and every other string with it.
     */
    @Test
    void everyStringReadsBackAsWrittenFromMapDbAndFromAMirrorLoadedFromIt() {
        List<String> chosen = List.of("", "plain", "a\"quote", "back\\slash", "nul\u0000", "tab\t", "é", "\ud83d\ude00",
                "\u2028", "\u007f");
        qt().withExamples(150).forAll(lists().of(integers().between(0, 0x10FFFF - 0x800)).ofSizeBetween(0, 12))
                .checkAssert(codePoints -> assertReadsBackFromMapDb(text(codePoints)));
        chosen.forEach(WriteBackTableTest::assertReadsBackFromMapDb);
    }

    /** The code points as text, those in the surrogate range moved past it (a lone surrogate is no text). */
    private static String text(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(point -> text.appendCodePoint(point < 0xD800 ? point : point + 0x800));
        return text.toString();
    }

    private static void assertReadsBackFromMapDb(String value) {
        for (BiFunction<ColoniesStore, String, Table<String>> kind : KINDS) {
            ColoniesStore store = new ColoniesStore(DBMaker.memoryDB().make());
            kind.apply(store, NAME).put("k", value);
            store.commit();
            Table<String> fresh = kind.apply(store, NAME);
            assertEquals(Optional.of(value), fresh.get("k"));
            assertEquals(List.of(value), fresh.values());
        }
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
            ColoniesStore copy = importedCopy(export(store));
            assertEquals(withX, copy.digest());
            assertEquals(List.of("x"), keys(kind.apply(copy, NAME)));
            assertEquals(List.of(), stored(store), "digest and export only read");
        }
    }

    @Test
    void anExportLaysTheChangesOfEveryTableOverTheirSharedMap() throws IOException {
        ColoniesStore store = ColoniesStore.inMemory();
        Table<String> first = store.table(NAME, String.class);
        Table<String> second = store.mirroredTable(NAME, String.class);
        first.put("a", "1");
        second.put("c", "3");
        store.commit();
        first.put("b", "2");
        second.put("d", "4");
        first.remove("a");
        ColoniesStore copy = importedCopy(export(store));
        assertEquals(List.of("b", "c", "d"), new ArrayList<>(copy.raw(NAME).keySet()));
        assertEquals(store.digest(), copy.digest());
    }

    @Test
    void anExportOfTheCountedFormatStillImports() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeBytes("CLNYSNAP");
            out.writeInt(1);
            out.writeInt(1);
            writeField(out, NAME);
            out.writeLong(2);
            writeField(out, "k1");
            writeField(out, "\"v1\"");
            writeField(out, "k2");
            writeField(out, "\"v2\"");
        }
        ColoniesStore store = ColoniesStore.fromExport(DBMaker.memoryDB().make(),
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(List.of("v1", "v2"), store.table(NAME, String.class).values());
    }

    private static void writeField(DataOutputStream out, String text) throws IOException {
        byte[] field = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(field.length);
        out.write(field);
    }

    @Test
    void overTheLimitTheOldestChangeReachesMapDbFirst() {
        for (BiFunction<ColoniesStore, String, Table<String>> kind : KINDS) {
            ColoniesStore store = new ColoniesStore(DBMaker.memoryDB().transactionEnable().make(), 2);
            Table<String> table = kind.apply(store, NAME);
            table.put("c", "1");
            table.put("a", "1");
            table.put("b", "1");
            assertEquals(List.of("c"), stored(store), "the oldest change, not the first key");
            table.put("a", "2");
            table.put("d", "1");
            assertEquals(List.of("b", "c"), stored(store), "a was changed again, so b was the oldest");
            assertEquals("1", Json.parse(store.raw(NAME).get("b"), String.class));
            table.remove("d");
            table.put("e", "1");
            assertEquals(List.of("b", "c"), stored(store), "d never reached MapDB: removing it left nothing pending");
            assertEquals(List.of("a", "b", "c", "e"), keys(table));
            store.commit();
            assertEquals(List.of("a", "b", "c", "e"), stored(store));
        }
    }

    @Test
    void theNewestChangesHandOutTheDocumentWrittenOlderOnesAFreshDecode() {
        ColoniesStore store = new ColoniesStore(DBMaker.memoryDB().transactionEnable().make());
        Table<String> table = store.table(NAME, String.class);
        int count = Table.KEPT_DOCUMENTS + 100;
        List<String> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = new String("value-" + i);
            written.add(value);
            table.put(key(i) + "-" + i, value);
        }
        for (int i = 0; i < count; i++) {
            String read = table.get(key(i) + "-" + i).orElseThrow();
            assertEquals(written.get(i), read);
            assertEquals(i >= 100, read == written.get(i), "kept: the newest " + Table.KEPT_DOCUMENTS + " only");
        }
        String again = table.get(key(0) + "-0").orElseThrow();
        assertTrue(again == table.get(key(0) + "-0").orElseThrow(), "a decoded document is kept once read");
    }

    /** One operation coded as a number: mostly puts and removes over 60 keys, now and then a commit. */
    private static void apply(int op, Table<String> table, ColoniesStore store, TreeMap<String, String> expected) {
        String key = key(op / 7);
        switch (op % 7) {
            case 0, 1, 2 -> {
                table.put(key, "v" + op);
                expected.put(key, "v" + op);
            }
            case 3, 4, 5 -> {
                table.remove(key);
                expected.remove(key);
            }
            default -> store.commit();
        }
    }

    private static String key(int n) {
        return "k" + (n % 60);
    }
}
