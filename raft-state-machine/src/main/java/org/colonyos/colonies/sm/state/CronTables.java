package org.colonyos.colonies.sm.state;

import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.Cron;

/**
 * Crons by id, with their names per colony (unique) and an index of next run times for the leader's timer.
 * Not synchronised: used under the state machine's lock like {@link ColoniesState}.
 */
public final class CronTables {
    private final NamedDocuments<Cron> crons;
    private final Table<String> due;

    CronTables(ColoniesStore store) {
        crons = new NamedDocuments<>(store, "crons", "cron_names", Cron.class, Cron::cronId, Cron::colonyName,
                Cron::name);
        due = store.table("cron_due", String.class);
    }

    public Optional<Cron> get(String cronId) {
        return crons.get(cronId);
    }

    public Optional<Cron> byName(String colonyName, String name) {
        return crons.byName(colonyName, name);
    }

    /** How many crons a colony has. */
    public long countOf(String colonyName) {
        return crons.countOf(colonyName);
    }

    /** A colony's crons, by name, at most {@code count}. */
    public List<Cron> ofColony(String colonyName, int count) {
        return crons.ofColony(colonyName, count);
    }

    /** Ids of the crons whose next run is at or before a time, earliest first, at most {@code limit}. */
    public List<String> dueAt(long unixNanos, int limit) {
        return due.keysUpTo(unixNanos).limit(limit).map(Table::lastPart).toList();
    }

    /** Stores a cron, new or changed, keeping its name and due entries in step. */
    public void put(Cron cron) {
        Optional<Cron> before = crons.put(cron);
        IndexEntry.move(dueEntries(before.orElse(null)), dueEntries(cron));
    }

    public void remove(Cron cron) {
        crons.remove(cron);
        IndexEntry.move(dueEntries(cron), List.of());
    }

    private List<IndexEntry> dueEntries(Cron cron) {
        return cron == null ? List.of() : List.of(new IndexEntry(due,
                Table.key(SortKey.ascending(GoTime.toUnixNanos(cron.nextRun())), cron.cronId())));
    }
}
