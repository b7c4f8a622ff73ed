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
    private final Table<Cron> crons;
    private final Table<String> names;
    private final Table<String> due;

    CronTables(ColoniesStore store) {
        crons = store.table("crons", Cron.class);
        names = store.table("cron_names", String.class);
        due = store.table("cron_due", String.class);
    }

    public Optional<Cron> get(String cronId) {
        return crons.get(cronId);
    }

    public Optional<Cron> byName(String colonyName, String name) {
        return names.get(Table.key(colonyName, name)).flatMap(crons::get);
    }

    /** A colony's crons, by name, at most {@code count}. */
    public List<Cron> ofColony(String colonyName, int count) {
        return names.keyStreamUnder(colonyName).limit(Math.max(count, 0)).map(names::get).flatMap(Optional::stream)
                .map(crons::get).flatMap(Optional::stream).toList();
    }

    /** Ids of the crons whose next run is at or before a time, earliest first, at most {@code limit}. */
    public List<String> dueAt(long unixNanos, int limit) {
        return due.keyStreamBetween("", SortKey.ascending(unixNanos) + (char) 1).limit(limit).map(Table::lastPart)
                .toList();
    }

    /** Stores a cron, new or changed, keeping its name and due entries in step. */
    public void put(Cron cron) {
        Optional<Cron> before = crons.get(cron.cronId());
        crons.put(cron.cronId(), cron);
        IndexEntry.move(entries(before.orElse(null)), entries(cron));
    }

    public void remove(Cron cron) {
        crons.remove(cron.cronId());
        IndexEntry.move(entries(cron), List.of());
    }

    private List<IndexEntry> entries(Cron cron) {
        if (cron == null) {
            return List.of();
        }
        return List.of(new IndexEntry(names, Table.key(cron.colonyName(), cron.name()), cron.cronId()),
                new IndexEntry(due, Table.key(SortKey.ascending(GoTime.toUnixNanos(cron.nextRun())), cron.cronId())));
    }
}
