package org.colonyos.colonies.sm.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.colonyos.colonies.sm.state.StoreProbes.export;
import static org.colonyos.colonies.sm.state.StoreProbes.importedCopy;
import static org.colonyos.colonies.sm.state.StoreProbes.keysMapDbLacks;
import static org.colonyos.colonies.sm.state.StoreProbes.mapDbContent;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DBMaker;

/**
 * A frozen view exports the state as it was when it was made, however the tables change while it is read:
 * MapDB does not change until the view is closed (tables keep their changes pending past their limit), and
 * what would change MapDB is refused meanwhile.
 */
@Timeout(60)
class FrozenStateTest {
    private static final String NAME = "processes";
    private static final int LIMIT = 4;

    @TempDir
    Path dir;

    @Test
    void aFrozenViewExportsTheStateAsItWasWhileTheTablesGoOn() {
        qt().withExamples(150).forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 120),
                lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 120))
                .checkAssert((before, during) -> {
                    ColoniesStore store = new ColoniesStore(DBMaker.memoryDB().make(), LIMIT);
                    List<Table<String>> tables = List.of(store.table(NAME, String.class),
                            store.mirroredTable("executors", String.class));
                    List<TreeMap<String, String>> models = List.of(new TreeMap<>(), new TreeMap<>());
                    before.forEach(op -> apply(op, tables.get(op % 2), models.get(op % 2)));
                    byte[] atFreeze = export(store);
                    Map<String, String> mapDbAtFreeze = mapDbContent(store, NAME);
                    try (FrozenState view = store.freeze()) {
                        during.forEach(op -> apply(op, tables.get(op % 2), models.get(op % 2)));
                        assertEquals(mapDbAtFreeze, mapDbContent(store, NAME), "MapDB must not change");
                        assertArrayEquals(atFreeze, export(view));
                        during.forEach(op -> assertEquals(Optional.ofNullable(models.get(op % 2).get(key(op))),
                                tables.get(op % 2).get(key(op))));
                    }
                    apply(0, tables.get(0), models.get(0));
                    assertTrue(keysMapDbLacks(store, NAME, models.get(0)) <= LIMIT,
                            "once the view is closed, tables write back down to their limit again");
                    assertEquals(store.digest(), importedCopy(export(store)).digest());
                });
    }

    @Test
    void whileFrozenNothingMayChangeMapDb() throws IOException {
        ColoniesStore store = ColoniesStore.inMemory();
        store.table(NAME, String.class).put("a", "1");
        try (FrozenState view = store.freeze()) {
            assertThrows(IllegalStateException.class, store::commit);
            assertThrows(IllegalStateException.class, store::freeze);
        }
        store.commit();
        assertEquals(List.of("a"), List.copyOf(store.raw(NAME).keySet()));
    }

    /** The export reads a memory-mapped store on another thread while this one keeps changing the tables. */
    @Test
    void anExportOnAnotherThreadSeesTheFrozenStateWhileApplyGoesOn() throws Exception {
        try (ColoniesStore store = new ColoniesStore(DBMaker.fileDB(dir.resolve("s.db").toFile())
                .fileMmapEnableIfSupported().make(), 64)) {
            Table<String> table = store.table(NAME, String.class);
            for (int i = 0; i < 20_000; i++) {
                table.put(key(i), "v" + i);
            }
            byte[] atFreeze = export(store);
            FrozenState view = store.freeze();
            CompletableFuture<byte[]> exported = CompletableFuture.supplyAsync(() -> {
                try (view) {
                    return export(view);
                }
            });
            for (int i = 0; i < 20_000; i++) {
                if (i % 3 == 0) {
                    table.remove(key(i));
                } else {
                    table.put(key(i), "w" + i);
                }
            }
            assertArrayEquals(atFreeze, exported.get(30, TimeUnit.SECONDS));
        }
    }

    private static void apply(int op, Table<String> table, TreeMap<String, String> model) {
        String key = key(op);
        if (op % 5 < 3) {
            table.put(key, "v" + op);
            model.put(key, "v" + op);
        } else {
            table.remove(key);
            model.remove(key);
        }
    }

    private static String key(int op) {
        return "k" + (op / 3 % 40);
    }
}
