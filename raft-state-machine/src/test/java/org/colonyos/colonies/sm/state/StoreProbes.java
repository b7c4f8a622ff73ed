package org.colonyos.colonies.sm.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.colonyos.colonies.proto.json.Json;
import org.mapdb.DBMaker;

/** Test helpers: a store's export and a copy imported from it, and what MapDB itself holds for a table. */
public final class StoreProbes {
    private StoreProbes() {
    }

    /** The export of the store as it is now (a freeze of it, exported and closed at once). */
    public static byte[] export(ColoniesStore store) {
        try (FrozenState view = store.freeze()) {
            return export(view);
        }
    }

    /** The export of a frozen view. */
    public static byte[] export(FrozenState view) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            view.exportTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A store in memory built from an export, as a restart builds one from a snapshot. */
    public static ColoniesStore importedCopy(byte[] export) {
        try {
            return ColoniesStore.fromExport(DBMaker.memoryDB().make(),
                    new DataInputStream(new ByteArrayInputStream(export)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What MapDB holds for a table of strings, decoded (the pending changes left out). */
    static TreeMap<String, String> mapDbContent(ColoniesStore store, String table) {
        TreeMap<String, String> inMapDb = new TreeMap<>();
        store.raw(table).forEach((key, bytes) -> inMapDb.put(key, Json.parse(bytes, String.class)));
        return inMapDb;
    }

    /** How many keys MapDB holds a different value for than the model (lacking, stale or in excess). */
    static long keysMapDbLacks(ColoniesStore store, String table, TreeMap<String, String> model) {
        TreeMap<String, String> inMapDb = mapDbContent(store, table);
        TreeSet<String> keys = new TreeSet<>(model.keySet());
        keys.addAll(inMapDb.keySet());
        return keys.stream().filter(key -> !Objects.equals(model.get(key), inMapDb.get(key))).count();
    }
}
