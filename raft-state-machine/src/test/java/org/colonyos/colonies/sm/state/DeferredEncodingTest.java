package org.colonyos.colonies.sm.state;

import static org.colonyos.colonies.sm.state.StoreProbes.export;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.colonyos.colonies.proto.json.Json;
import org.junit.jupiter.api.Test;
import org.mapdb.DBMaker;

/**
 * A table encodes a document when something needs its bytes (a reply, the B-tree, a snapshot, a document leaving
 * the kept ones while still current), never a version replaced before that; a frozen view and a written handle
 * still give the version they saw after apply has replaced it and let it go.
 */
class DeferredEncodingTest {
    /** Encodings of {@link Counted} documents (its accessor runs once per encoding, never in a decode). */
    private static final AtomicInteger ENCODED = new AtomicInteger();

    record Counted(@JsonProperty("value") String value) {
        @Override
        public String value() {
            ENCODED.incrementAndGet();
            return value;
        }
    }

    /** Encodings beyond those of the write-time check that runs when assertions are enabled (one per put). */
    private static int encodedBeyondChecks(int puts) {
        return ENCODED.get() - (Table.class.desiredAssertionStatus() ? puts : 0);
    }

    /** The store of the last {@link #table()}. */
    private ColoniesStore tableStore;

    private Table<Counted> table() {
        ENCODED.set(0);
        tableStore = new ColoniesStore(DBMaker.memoryDB().make(), 1_000_000);
        return tableStore.table("processes", Counted.class);
    }

    @Test
    void onlyVersionsStillCurrentWhenTheyLeaveTheKeptOnesAreEncoded() {
        Table<Counted> table = table();
        table.put("k", new Counted("a"));
        table.put("k", new Counted("b"));
        table.put("k", new Counted("c"));
        int others = Table.KEPT_DOCUMENTS + 10;
        for (int i = 0; i < others; i++) {
            table.put("o" + i, new Counted("v" + i));
        }
        assertEquals(11, encodedBeyondChecks(3 + others), "c and the first ten others, not a and b");
        assertEquals(Optional.of(new Counted("c")), table.get("k"));
    }

    @Test
    void aWrittenVersionGivesItsOwnBytesAfterItWasReplacedAndLetGo() {
        Table<Counted> table = table();
        Table.Written first = table.put("k", new Counted("a"));
        table.put("k", new Counted("b"));
        for (int i = 0; i < Table.KEPT_DOCUMENTS + 1; i++) {
            table.put("o" + i, new Counted("v" + i));
        }
        assertArrayEquals(Json.toBytes(new Counted("a")), first.json());
        assertArrayEquals(first.json(), first.json());
    }

    @Test
    void aFrozenViewExportsTheVersionItSawAfterApplyReplacedAndLetGoOfIt() {
        ColoniesStore reference = new ColoniesStore(DBMaker.memoryDB().make(), 1_000_000);
        putKAndJ(reference.table("processes", Counted.class));
        ColoniesStore store = new ColoniesStore(DBMaker.memoryDB().make(), 1_000_000);
        Table<Counted> table = store.table("processes", Counted.class);
        putKAndJ(table);
        try (FrozenState view = store.freeze()) {
            table.put("k", new Counted("b"));
            table.remove("j");
            for (int i = 0; i < Table.KEPT_DOCUMENTS + 1; i++) {
                table.put("o" + i, new Counted("v" + i));
            }
            assertArrayEquals(export(reference), export(view));
        }
    }

    @Test
    void aDocumentAFrozenViewEncodedIsNotEncodedAgainByApply() {
        Table<Counted> table = table();
        table.put("k", new Counted("a"));
        export(tableStore);
        for (int i = 0; i < Table.KEPT_DOCUMENTS + 1; i++) {
            table.put("o" + i, new Counted("v" + i));
        }
        assertEquals(2, encodedBeyondChecks(Table.KEPT_DOCUMENTS + 2), "a by the view, o0 leaving the kept ones");
    }

    /** k = a and j = x, neither encoded yet. */
    private static void putKAndJ(Table<Counted> table) {
        table.put("k", new Counted("a"));
        table.put("j", new Counted("x"));
    }
}
