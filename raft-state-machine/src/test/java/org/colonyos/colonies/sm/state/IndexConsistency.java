package org.colonyos.colonies.sm.state;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.ColonyProcess;

/** Test check: a state's process indexes equal those built afresh from its processes alone. */
public final class IndexConsistency {
    private static final List<String> INDEXES = List.of("process_queue", "process_by_state", "process_by_submission",
            "process_deadlines", "process_by_executor", "attribute_ids", "process_counters");

    private IndexConsistency() {
    }

    /** Throws an AssertionError naming the first index table that differs from a rebuild. */
    public static void check(ColoniesState state) {
        ColoniesStore actual = state.store();
        actual.commit();
        ColoniesStore rebuilt = ColoniesStore.inMemory();
        ProcessTables tables = new ColoniesState(rebuilt).processes();
        actual.raw("processes").values().forEach(bytes -> tables.add(Json.parse(bytes, ColonyProcess.class)));
        rebuilt.commit();
        for (String index : INDEXES) {
            Map<String, String> expected = text(rebuilt, index);
            Map<String, String> found = text(actual, index);
            if (!expected.equals(found)) {
                throw new AssertionError(index + " differs from a rebuild: " + found + " != " + expected);
            }
        }
    }

    private static Map<String, String> text(ColoniesStore store, String table) {
        Map<String, String> out = new TreeMap<>();
        store.raw(table).forEach((key, value) -> out.put(key, new String(value, StandardCharsets.UTF_8)));
        return out;
    }
}
