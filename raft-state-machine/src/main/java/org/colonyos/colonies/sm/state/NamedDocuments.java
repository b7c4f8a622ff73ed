package org.colonyos.colonies.sm.state;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Documents by id whose names are unique per colony, with the index {@code (colony, name) -> id} kept in step:
 * the part crons and generators share. Not synchronised: used under the state machine's lock.
 *
 * @param <V> the document type
 */
final class NamedDocuments<V> {
    private final Table<V> documents;
    private final Table<String> names;
    private final Function<V, String> idOf;
    private final Function<V, String> nameKeyOf;

    /**
     * @param table the table of the documents by id, {@code namesTable} that of their names
     * @param colonyOf the colony a document belongs to
     * @param nameOf its name, unique in its colony
     */
    NamedDocuments(ColoniesStore store, String table, String namesTable, Class<V> type, Function<V, String> idOf,
            Function<V, String> colonyOf, Function<V, String> nameOf) {
        this.documents = store.table(table, type);
        this.names = store.table(namesTable, String.class);
        this.idOf = idOf;
        this.nameKeyOf = document -> Table.key(colonyOf.apply(document), nameOf.apply(document));
    }

    Optional<V> get(String id) {
        return documents.get(id);
    }

    Optional<V> byName(String colonyName, String name) {
        return names.get(Table.key(colonyName, name)).flatMap(documents::get);
    }

    /** A colony's documents, by name, at most {@code count}. */
    List<V> ofColony(String colonyName, int count) {
        return names.keyStreamUnder(colonyName).limit(Math.max(count, 0)).map(names::get).flatMap(Optional::stream)
                .map(documents::get).flatMap(Optional::stream).toList();
    }

    /** How many documents a colony has (its name index is counted; no document is read). */
    long countOf(String colonyName) {
        return names.keyStreamUnder(colonyName).count();
    }

    /** Stores a document, new or changed; returns the version it replaced. */
    Optional<V> put(V document) {
        String id = idOf.apply(document);
        Optional<V> before = documents.get(id);
        documents.put(id, document);
        String nameKey = nameKeyOf.apply(document);
        if (before.map(nameKeyOf).filter(nameKey::equals).isEmpty()) {
            before.ifPresent(old -> names.remove(nameKeyOf.apply(old)));
            names.put(nameKey, id);
        }
        return before;
    }

    void remove(V document) {
        documents.remove(idOf.apply(document));
        names.remove(nameKeyOf.apply(document));
    }
}
