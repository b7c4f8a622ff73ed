package org.colonyos.colonies.sm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DBMaker;

/**
 * Mirrored tables live in memory and reach MapDB only when the store commits; digests and exports see them
 * as reads do, and a clear or import drops changes the store never received.
 */
class WriteBackTableTest {
    private static final String NAME = "process_queue";

    @TempDir
    Path dir;

    private static ColoniesStore open(File file) {
        return new ColoniesStore(DBMaker.fileDB(file).transactionEnable().make());
    }

    private static List<String> keys(Table<String> table) {
        return table.keyStreamBetween("", "\uffff").toList();
    }

    private static List<String> stored(ColoniesStore store) {
        return new ArrayList<>(store.raw(NAME).keySet());
    }

    @Test
    void changesReachTheStoreAtCommitAndSurviveAReopen() {
        File file = dir.resolve("store.db").toFile();
        try (ColoniesStore store = open(file)) {
            Table<String> table = Table.mirrored(store, NAME, String.class);
            table.put("a", "");
            table.put("b", "");
            store.commit();
            table.remove("a");
            table.put("c", "");
            assertEquals(List.of("b", "c"), keys(table));
            assertEquals(List.of("a", "b"), stored(store), "MapDB receives the changes only at commit");
            store.commit();
            assertEquals(List.of("b", "c"), stored(store));
        }
        try (ColoniesStore reopened = open(file)) {
            assertEquals(List.of("b", "c"), keys(Table.mirrored(reopened, NAME, String.class)));
        }
    }

    @Test
    void digestAndExportSeeUncommittedChanges() throws IOException {
        ColoniesStore store = ColoniesStore.inMemory();
        Table<String> table = Table.mirrored(store, NAME, String.class);
        String empty = store.digest();
        table.put("x", "1");
        String withX = store.digest();
        assertEquals(false, empty.equals(withX), "the digest changes with a mirrored write");
        ColoniesStore copy = ColoniesStore.inMemory();
        copy.importFrom(new DataInputStream(new ByteArrayInputStream(export(store))));
        assertEquals(withX, copy.digest());
        assertEquals(List.of("x"), keys(Table.mirrored(copy, NAME, String.class)));
    }

    @Test
    void anImportDropsChangesTheStoreNeverReceived() throws IOException {
        ColoniesStore source = ColoniesStore.inMemory();
        Table.mirrored(source, NAME, String.class).put("y", "");
        ColoniesStore store = ColoniesStore.inMemory();
        Table<String> table = Table.mirrored(store, NAME, String.class);
        table.put("x", "");
        store.importFrom(new DataInputStream(new ByteArrayInputStream(export(source))));
        assertEquals(List.of("y"), keys(table));
        store.commit();
        assertEquals(List.of("y"), stored(store), "the uncommitted x must not come back");
    }

    private static byte[] export(ColoniesStore store) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            store.exportTo(out);
        }
        return bytes.toByteArray();
    }
}
