package org.colonyos.colonies.sm.state;

import java.util.List;

/**
 * One entry of an index table: a key and the value stored under it. Entities keep their indexes in step by
 * listing the entries of their previous and their new version and {@link #move moving} between them, which
 * writes only the entries that differ (most changes leave most of them in place, and every MapDB write
 * rewrites a B-tree node).
 *
 * @param table the index table
 * @param key the index key
 * @param value the value stored under the key ({@code ""} for pure key indexes)
 */
record IndexEntry(Table<String> table, String key, String value) {

    /** A pure key entry. */
    IndexEntry(Table<String> table, String key) {
        this(table, key, "");
    }

    /** Removes the entries only in {@code before} and adds those only in {@code after}, in list order. */
    static void move(List<IndexEntry> before, List<IndexEntry> after) {
        before.stream().filter(entry -> !after.contains(entry)).forEach(entry -> entry.table().remove(entry.key()));
        after.stream().filter(entry -> !before.contains(entry))
                .forEach(entry -> entry.table().put(entry.key(), entry.value()));
    }
}
